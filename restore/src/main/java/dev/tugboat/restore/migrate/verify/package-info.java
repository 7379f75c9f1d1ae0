/**
 * The readiness check of a migration (issue 7, steps 5 and 6): after an application's objects are
 * restored into the target, whether its workloads became available, and if not, whether for lack of
 * room (which calls for a downgrade) or for another reason (which fails the application). {@link
 * dev.tugboat.restore.migrate.verify.AvailabilityProbe} looks once; {@link
 * dev.tugboat.restore.migrate.verify.ReadinessWait} polls it until a verdict.
 */
package dev.tugboat.restore.migrate.verify;
