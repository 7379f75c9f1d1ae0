/**
 * The restore's item ledger: what happened to every item, written chunk by chunk as part of each
 * commit, read back to publish the restore's records and, later, to roll the restore back.
 */
package dev.tugboat.restore.ledger;
