/** Amounts of node resources (cpu, memory, pods, extended resources) and their arithmetic. */
package dev.tugboat.restore.capacity.resources;
