/**
 * Karmada mode of a migration (issue 7) and its rollback (issue 8): the target is a Karmada control
 * plane and the applications already run in a member cluster. Once the job has restored an
 * application's objects into the control plane as resource templates, {@link
 * dev.tugboat.restore.migrate.karmada.PropagationPolicies} makes the policies that let Karmada
 * adopt the running member objects, {@link dev.tugboat.restore.migrate.karmada.PolicyWriter}
 * creates them, {@link dev.tugboat.restore.migrate.karmada.KarmadaAcceptance} waits until Karmada
 * has scheduled and applied every selected template, and {@link
 * dev.tugboat.restore.migrate.karmada.PolicyRelease} undoes it all while the member keeps its
 * objects, as Karmada's migration and rollback guides prescribe.
 */
package dev.tugboat.restore.migrate.karmada;
