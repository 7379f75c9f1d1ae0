package dev.tugboat.restore.migrate.karmada;

/**
 * What {@link PolicyRelease} did.
 *
 * @param policiesPreserved policies set to preserve the member's objects (already set counts too)
 * @param templatesDeleted templates deleted from the control plane
 * @param templatesGone templates that were already gone
 * @param templatesLeftAlone templates not deleted because they do not carry the migration's label
 * @param policiesDeleted policies deleted
 * @param policiesGone policies that were already gone
 */
public record ReleaseCounts(
    int policiesPreserved,
    int templatesDeleted,
    int templatesGone,
    int templatesLeftAlone,
    int policiesDeleted,
    int policiesGone) {}
