/**
 * The plan's hooks run for a migration (issue 7): {@link
 * dev.tugboat.restore.migrate.hooks.HookRunner} runs a {@link
 * dev.tugboat.restore.capacity.plan.Hook}, a command or a webhook, with a {@link
 * dev.tugboat.restore.migrate.hooks.HookContext} telling it which migration, point and application
 * it runs for, and returns a {@link dev.tugboat.restore.migrate.hooks.HookResult}. Output goes to
 * the logger {@code dev.tugboat.restore.migrate.hooks}, each line prefixed with the hook's name.
 */
package dev.tugboat.restore.migrate.hooks;
