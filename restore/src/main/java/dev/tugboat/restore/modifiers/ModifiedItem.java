package dev.tugboat.restore.modifiers;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What the resource modifiers made of one item.
 *
 * @param item the item after every matching rule that could be applied: a new object
 * @param errors one message per matching rule that could not be applied (that rule left the item
 *     unchanged and the next rules still applied, as in Velero, which restores the item and records
 *     these errors against its namespace); empty when all went well
 */
public record ModifiedItem(JsonObject item, List<String> errors) {

  public ModifiedItem {
    errors = List.copyOf(errors);
  }
}
