package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;

/**
 * One entry of a rule's {@code conditions.matches}: the value at the path must equal this value.
 *
 * @param path where the value is read
 * @param value the value it must equal (see {@link PatchValues}); a missing path equals only null
 */
record FieldMatch(JsonPointer path, JsonElement value) {}
