/**
 * Rolling a restore back (issue 8): its item ledger says what it created, updated and recreated;
 * the rollback job deletes what it created, puts back the before-images of what it changed and
 * leaves the rest alone, with restart points and a report beside the restore's records.
 */
package dev.tugboat.restore.rollback;
