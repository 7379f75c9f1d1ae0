/**
 * The capacity planner: whether the applications being moved fit in a target cluster, and which
 * replicas to shed when they do not (issue 6; migration.md sections 4 and 5). Read-only and
 * deterministic: a snapshot of the target and the demand go in, a placement and a plan come out.
 */
package dev.tugboat.restore.capacity;
