/**
 * The terms the capacity planner's parts share: what a node looks like to a placement rule, and the
 * rule itself.
 */
package dev.tugboat.restore.capacity.model;
