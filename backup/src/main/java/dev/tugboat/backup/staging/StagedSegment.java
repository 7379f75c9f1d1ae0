package dev.tugboat.backup.staging;

/**
 * A committed segment of the staging area: what to read back.
 *
 * @param name the segment's name in the staging area
 * @param groupResource the type of its items, e.g. {@code pods}; empty when it mixes types
 * @param chunks how many chunks it holds, numbered from 0
 */
public record StagedSegment(String name, String groupResource, int chunks) {}
