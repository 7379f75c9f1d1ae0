/**
 * What a restore leaves in the store under {@code restores/<name>/}, in Velero's formats, so that
 * {@code velero restore describe} and {@code velero restore logs} read it as they read Velero's
 * own: the warnings and errors and the log ({@link dev.tugboat.restore.report.RestoreReport}), what
 * happened to each item ({@link dev.tugboat.restore.report.RestoreResourceList}), the phase they
 * add up to ({@link dev.tugboat.restore.report.RestorePhase}), and the one call that writes the
 * files ({@link dev.tugboat.restore.report.RestoreRecords}).
 */
package dev.tugboat.restore.report;
