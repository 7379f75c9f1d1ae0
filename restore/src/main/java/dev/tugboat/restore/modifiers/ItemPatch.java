package dev.tugboat.restore.modifiers;

import com.google.gson.JsonObject;

/** The change one rule makes to the items it matches. */
interface ItemPatch {

  /**
   * Returns the patched item, a new object: the argument is not modified. A patch that decides not
   * to apply (a failed JSON Patch {@code test}) returns an equal copy.
   *
   * @throws PatchFailedException when the patch cannot be applied to this item
   */
  JsonObject apply(JsonObject item) throws PatchFailedException;
}
