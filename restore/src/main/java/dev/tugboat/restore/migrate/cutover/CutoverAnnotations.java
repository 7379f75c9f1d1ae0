package dev.tugboat.restore.migrate.cutover;

import java.util.List;

/**
 * The annotations in which quiescing records how a source workload ran, in the style of MTC's
 * {@code migration.openshift.io/preQuiesce*}: unquiescing (rollback) reads them back, the report
 * shows them. Each holds the original value as JSON text: {@code 3}, {@code false}, {@code
 * {"disk":"ssd"}} or {@code null} for a DaemonSet that had no node selector.
 */
public final class CutoverAnnotations {

  /** The original {@code spec.replicas} of a Deployment, StatefulSet or ReplicaSet. */
  public static final String PRE_QUIESCE_REPLICAS = "tugboat.dev/pre-quiesce-replicas";

  /** The original {@code spec.suspend} of a CronJob. */
  public static final String PRE_QUIESCE_SUSPEND = "tugboat.dev/pre-quiesce-suspend";

  /** The original {@code spec.parallelism} of a Job. */
  public static final String PRE_QUIESCE_PARALLELISM = "tugboat.dev/pre-quiesce-parallelism";

  /** The original {@code spec.template.spec.nodeSelector} of a DaemonSet. */
  public static final String PRE_QUIESCE_NODE_SELECTOR = "tugboat.dev/pre-quiesce-node-selector";

  /**
   * The node label a quiesced DaemonSet selects: no node carries it, so its pods go away while the
   * DaemonSet itself stays.
   */
  public static final String QUIESCED_NODE_LABEL = "tugboat.dev/quiesced";

  /** The value of {@link #QUIESCED_NODE_LABEL} in a quiesced DaemonSet's node selector. */
  public static final String QUIESCED_NODE_VALUE = "true";

  /** Every annotation that records an original value. */
  public static final List<String> PRE_QUIESCE =
      List.of(
          PRE_QUIESCE_REPLICAS,
          PRE_QUIESCE_SUSPEND,
          PRE_QUIESCE_PARALLELISM,
          PRE_QUIESCE_NODE_SELECTOR);

  private CutoverAnnotations() {}
}
