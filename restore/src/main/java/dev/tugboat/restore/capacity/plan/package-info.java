/**
 * The migration plan that the capacity check and the migration job share (issues 6 and 7): {@link
 * dev.tugboat.restore.capacity.plan.MigrationPlan}, read by {@link
 * dev.tugboat.restore.capacity.plan.MigrationPlanParser}. The file, with the defaults in comments:
 *
 * <pre>{@code
 * apiVersion: tugboat.dev/v1          # required
 * kind: MigrationPlan                 # required
 * name: demo-failover                 # required, a DNS label
 * source:                             # exactly one of context (online) and backup (offline)
 *   context: primary
 *   kubeconfig: primary.kubeconfig    # optional, only with context
 * target:
 *   context: standby                  # required
 *   kubeconfig: standby.kubeconfig    # optional
 *   karmada: {memberCluster: member1} # optional: Karmada mode, context is the control plane
 * namespaceMappings: {shop: shop-dr}  # DNS labels; two namespaces may not map to one
 * applications:                       # required unless grouping is given
 * - name: shop                        # a DNS label, unique
 *   tier: 0                           # 0 core .. 3 sheddable; default 2
 *   minReplicas: 1                    # optional floor, 0 only in tier 3; default from HPA, PDB or 1
 *   priority: 0                       # which application claims an object two selectors match
 *   selector:                         # Karmada's ResourceSelector style; all conditions hold
 *     namespaces: [shop]              # required, at least one
 *     kinds: [Deployment, StatefulSet]   # default: every kind
 *     names: [postgres]                  # default: every name; not with labelSelector
 *     labelSelector:                     # Kubernetes' form
 *       matchLabels: {app.kubernetes.io/part-of: storefront}
 *       matchExpressions: [{key: tugboat.dev/tier, operator: In, values: ["0", "1"]}]
 * grouping:                           # optional: one application per value of the label
 *   label: app.kubernetes.io/part-of
 *   defaultTier: 2
 * excludedResources: [events, events.events.k8s.io]   # resource patterns; default none
 * headroom: 5%                        # 0% to 50%
 * onInsufficientCapacity: downgrade   # abort | downgrade | partial
 * ladder: [1.0, 0.75, 0.5, 0.25]      # from 1.0, strictly decreasing; the floor comes after
 * allowCoreDegrade: false
 * parallelism: 4                      # 1 to 64
 * readinessTimeout: 10m               # a Go duration
 * cutover: none                       # none | quiesce | delete; none when offline or Karmada
 * conflictPolicy: none                # none | update | recreate
 * onFailure: keep                     # keep | rollback: undo a failed application in the target
 * hooks:                              # optional; each list runs in order, the first failure stops it
 *   beforeApplication:                # also afterApplication, beforeCutover, afterCutover
 *   - name: update-cmdb               # optional; default its place, hooks.beforeApplication[0]
 *     command: [/opt/cmdb/update, --moving]   # run without a shell; [sh, -c, '...'] for one
 *     timeout: 60s                    # a Go duration, at most 1h
 *   afterCutover:
 *   - url: https://lb.example.com/switch   # POSTed as JSON; exactly one of command and url
 * }</pre>
 *
 * <p>A hook gets its context as the environment variables {@code TUGBOAT_MIGRATION}, {@code
 * TUGBOAT_HOOK} (the list's name), {@code TUGBOAT_APPLICATION} and {@code TUGBOAT_STATUS} (empty
 * where they do not apply: no application at cutover, no status before), or as the webhook's JSON
 * body {@code {"migration", "hook", "application", "status"}}. Its output goes to the log; a
 * non-zero exit, a non-2xx answer or the timeout fails the application (or the cutover). A webhook
 * URL must be https (plain http only to the local machine); userinfo in it is sent as basic
 * authentication, and logs show only its scheme, host, port and path.
 *
 * <p>Two applications whose selectors differ only in their namespaces and share a namespace are
 * rejected: both would claim the same objects. {@link
 * dev.tugboat.restore.capacity.plan.MigrationPlan#toJson()} writes the plan back, defaults
 * included, for a job to store in its parameters.
 */
package dev.tugboat.restore.capacity.plan;
