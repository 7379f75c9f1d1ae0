/**
 * The cutover of the source cluster once the target runs an application (issue 7, step 7), and its
 * undo for rollback (issue 8): {@link dev.tugboat.restore.migrate.cutover.SourceCutover} quiesces
 * the application's workloads the way MTC does, recording each original value in an annotation
 * ({@link dev.tugboat.restore.migrate.cutover.CutoverAnnotations}) so that unquiescing restores it
 * exactly, or deletes the application's namespaced objects owners first, orphaning dependents.
 */
package dev.tugboat.restore.migrate.cutover;
