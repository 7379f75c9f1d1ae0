/**
 * What a backup pulls in besides the objects it lists: the objects they depend on, which a restore
 * into another cluster needs (Velero's "additional items"). Entry point: {@link
 * dev.tugboat.backup.related.RelatedItemsCollector#collect}.
 */
package dev.tugboat.backup.related;
