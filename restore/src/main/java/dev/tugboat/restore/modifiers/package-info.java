/**
 * Velero's restore resource modifiers ({@code --resource-modifiers FILE}): rules that select items
 * by group-resource, namespace, name, labels and field values, and change them with a JSON Patch,
 * JSON merge patches or strategic merge patches before they are restored. Pure functions: JSON in,
 * JSON out.
 */
package dev.tugboat.restore.modifiers;
