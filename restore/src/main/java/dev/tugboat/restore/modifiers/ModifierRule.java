package dev.tugboat.restore.modifiers;

/**
 * One entry of {@code resourceModifierRules}.
 *
 * @param index its position in the file, from 0, for messages
 * @param conditions which items it changes
 * @param patch how it changes them
 */
record ModifierRule(int index, RuleConditions conditions, ItemPatch patch) {}
