package dev.tugboat.restore.capacity.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a plan is refused, with the exact message, each naming the field. */
class MigrationPlanRejectionTest {

  private static final String HEAD =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: move-shop
      source: {context: primary}
      target: {context: standby}
      """;

  private static final String SHOP =
      """
      applications:
      - name: shop
        selector: {namespaces: [shop]}
      """;

  /** A valid plan with one more top-level line. */
  private static String with(String line) {
    return HEAD + SHOP + line + "\n";
  }

  /** A valid head with these applications. */
  private static String applications(String applications) {
    return HEAD + "applications:\n" + applications;
  }

  static Stream<Arguments> invalidPlans() {
    return Stream.of(
        Arguments.of(
            "- not an object",
            "the file: must be an object with [allowCoreDegrade,"
                + " apiVersion, applications, conflictPolicy, cutover, excludedResources, grouping,"
                + " headroom, hooks, kind, ladder, name, namespaceMappings, onFailure,"
                + " onInsufficientCapacity, parallelism, readinessTimeout, source, target]"),
        Arguments.of(
            "a: [",
            "the file: it is not valid YAML: while parsing a flow node\n"
                + " in 'reader', line 1, column 5:\n    a: [\n        ^\n"
                + "expected the node content, but found '<stream end>'\n"
                + " in 'reader', line 1, column 5:\n    a: [\n        ^\n"),
        Arguments.of(
            with("parallel: 8"),
            "the file: unknown field(s) [parallel]; allowed:"
                + " [allowCoreDegrade, apiVersion, applications, conflictPolicy, cutover,"
                + " excludedResources, grouping, headroom, hooks, kind, ladder, name,"
                + " namespaceMappings, onFailure, onInsufficientCapacity, parallelism,"
                + " readinessTimeout, source, target]"),
        Arguments.of(
            applications("- name: shop\n  selector: {namespaces: [shop], kind: [Pod]}\n"),
            "applications[0].selector: unknown field(s) [kind]; allowed: [kinds, labelSelector,"
                + " names, namespaces]"),
        Arguments.of(
            (HEAD + SHOP).replace("tugboat.dev/v1", "tugboat.dev/v2"),
            "apiVersion: must be tugboat.dev/v1, not 'tugboat.dev/v2'"),
        Arguments.of(
            (HEAD + SHOP).replace("apiVersion: tugboat.dev/v1\n", ""),
            "apiVersion: is required and must be tugboat.dev/v1"),
        Arguments.of(
            (HEAD + SHOP).replace("kind: MigrationPlan", "kind: Plan"),
            "kind: must be MigrationPlan, not 'Plan'"),
        Arguments.of((HEAD + SHOP).replace("name: move-shop\n", ""), "name: is required"),
        Arguments.of(
            (HEAD + SHOP).replace("name: move-shop", "name: Move_Shop"),
            "name: must be a DNS label (at most 63 lowercase letters, digits and '-', starting"
                + " and ending with a letter or digit), not 'Move_Shop'"),
        Arguments.of(
            (HEAD + SHOP).replace("source: {context: primary}\n", ""),
            "source: is required, with context (a live cluster) or backup (offline)"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: primary}", "{context: primary, backup: nightly}"),
            "source: give exactly one of context (a live cluster) and backup (a backup in the"
                + " store)"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: primary}", "{kubeconfig: a.yaml}"),
            "source: give exactly one of context (a live cluster) and backup (a backup in the"
                + " store)"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: primary}", "{backup: nightly, kubeconfig: a.yaml}"),
            "source.kubeconfig: is only for a context; a backup is in the store"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: primary}", "{backup: Nightly}"),
            "source.backup: invalid backup name 'Nightly': it must be a lowercase RFC 1123"
                + " subdomain: at most 253 characters of lowercase letters, digits, '-' and '.',"
                + " starting and ending with a letter or digit"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: primary}", "{context: 42}"),
            "source.context: must be a text, not 42"),
        Arguments.of(
            (HEAD + SHOP).replace("target: {context: standby}", "target: {kubeconfig: b.yaml}"),
            "target.context: is required"),
        Arguments.of(
            (HEAD + SHOP).replace("target: {context: standby}\n", ""),
            "target: is required, with at least context"),
        Arguments.of(
            (HEAD + SHOP).replace("{context: standby}", "{context: standby, karmada: {}}"),
            "target.karmada.memberCluster: is required in Karmada mode: the cluster the"
                + " applications run in"),
        Arguments.of(
            (HEAD + SHOP)
                .replace("{context: standby}", "{context: standby, karmada: {member: m1}}"),
            "target.karmada: unknown field(s) [member]; allowed: [memberCluster]"),
        Arguments.of(
            with("namespaceMappings: {Shop: shop-dr}"),
            "namespaceMappings: must be a DNS label (at most 63 lowercase letters, digits and"
                + " '-', starting and ending with a letter or digit), not 'Shop'"),
        Arguments.of(
            with("namespaceMappings: {shop: shop_dr}"),
            "namespaceMappings.shop: must be a DNS label (at most 63 lowercase letters, digits"
                + " and '-', starting and ending with a letter or digit), not 'shop_dr'"),
        Arguments.of(
            with("namespaceMappings: {shop: dr, payments: dr}"),
            "namespaceMappings.payments: 'dr' is already the target of shop; two namespaces"
                + " cannot merge"),
        Arguments.of(with("namespaceMappings: [shop]"), "namespaceMappings: must be a map"),
        Arguments.of(
            HEAD,
            "applications: at least one application is required, or a grouping to derive them"),
        Arguments.of(applications("- ~\n"), "applications[0]: must be an application, not empty"),
        Arguments.of(
            applications("- name: shop\n  tier: 5\n  selector: {namespaces: [shop]}\n"),
            "applications[0].tier: must be 0, 1, 2 or 3, not 5"),
        Arguments.of(
            applications("- name: shop\n  tier: '1'\n  selector: {namespaces: [shop]}\n"),
            "applications[0].tier: must be 0, 1, 2 or 3, not '1'"),
        Arguments.of(
            applications("- name: shop\n  tier: 1.5\n  selector: {namespaces: [shop]}\n"),
            "applications[0].tier: must be 0, 1, 2 or 3, not 1.5"),
        Arguments.of(
            applications("- selector: {namespaces: [shop]}\n"),
            "applications[0].name: is required"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop]}\n"
                    + "- name: shop\n  selector: {namespaces: [cart]}\n"),
            "applications[1].name: 'shop' is already the name of applications[0]"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop, cart]}\n"
                    + "- name: cart\n  selector: {namespaces: [cart]}\n"),
            "applications[1].selector: selects the same objects as applications[0] ('shop') in"
                + " namespace(s) [cart]; tell them apart by kinds, names or labelSelector"),
        Arguments.of(
            applications("- name: shop\n"),
            "applications[0].selector: is required, with at least" + " namespaces"),
        Arguments.of(
            applications("- name: shop\n  selector: {kinds: [Deployment]}\n"),
            "applications[0].selector.namespaces: at least one namespace is required"),
        Arguments.of(
            applications("- name: shop\n  selector: {namespaces: shop}\n"),
            "applications[0].selector.namespaces: must be a list"),
        Arguments.of(
            applications("- name: shop\n  selector: {namespaces: [shop, shop]}\n"),
            "applications[0].selector.namespaces[1]: 'shop' is listed twice"),
        Arguments.of(
            applications("- name: shop\n  selector: {namespaces: [shop], kinds: [deployments]}\n"),
            "applications[0].selector.kinds[0]: must be a kind such as Deployment or"
                + " StatefulSet, not 'deployments'"),
        Arguments.of(
            applications("- name: shop\n  selector: {namespaces: [shop], names: [a/b]}\n"),
            "applications[0].selector.names[0]: must be an object name (no '/' or '%', not . or"
                + " ..), not 'a/b'"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop], names: [web],"
                    + " labelSelector: {matchLabels: {app: web}}}\n"),
            "applications[0].selector: give names or labelSelector, not both (Karmada ignores"
                + " labelSelector when a name is set)"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop], labelSelector: app=web}\n"),
            "applications[0].selector.labelSelector: must be an object with [matchExpressions,"
                + " matchLabels]"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop], labelSelector: {matchLabels:"
                    + " {app: web app}}}\n"),
            "applications[0].selector.labelSelector.matchLabels.app: Invalid label requirement"
                + " (key 'app', EQUALS, values [web app]): a label value may contain only"
                + " letters, digits, '-', '_' and '.', and must start and end with a letter or"
                + " digit"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop], labelSelector: {matchExpressions:"
                    + " [{key: app, operator: Equals, values: [web]}]}}\n"),
            "applications[0].selector.labelSelector.matchExpressions[0].operator: must be In,"
                + " NotIn, Exists or DoesNotExist, not 'Equals'"),
        Arguments.of(
            applications(
                "- name: shop\n  selector: {namespaces: [shop], labelSelector: {matchExpressions:"
                    + " [{key: app, operator: In}]}}\n"),
            "applications[0].selector.labelSelector.matchExpressions[0]: Invalid label"
                + " requirement (key 'app', IN, values []): IN does not take 0 values"),
        Arguments.of(
            applications("- name: shop\n  minReplicas: 0\n  selector: {namespaces: [shop]}\n"),
            "applications[0].minReplicas: may be 0 only in tier 3 (sheddable), and this"
                + " application is in tier 2"),
        Arguments.of(
            applications("- name: shop\n  minReplicas: -1\n  selector: {namespaces: [shop]}\n"),
            "applications[0].minReplicas: must be a whole number, 0 or more, not -1"),
        Arguments.of(
            applications("- name: shop\n  priority: high\n  selector: {namespaces: [shop]}\n"),
            "applications[0].priority: must be a whole number, not 'high'"),
        Arguments.of(with("grouping: {defaultTier: 1}"), "grouping.label: is required"),
        Arguments.of(
            with("grouping: {label: part of}"),
            "grouping.label: Invalid label requirement (key 'part of', EXISTS, values []): the"
                + " name part of a label key may contain only letters, digits, '-', '_' and '.', and"
                + " must start and end with a letter or digit"),
        Arguments.of(
            with("grouping: {label: team, defaultTier: 4}"),
            "grouping.defaultTier: must be 0, 1, 2 or 3, not 4"),
        Arguments.of(
            with("excludedResources: [deploy*]"),
            "excludedResources[0]: The resource pattern 'deploy*' may use '*' only alone,"
                + " meaning every resource"),
        Arguments.of(
            with("headroom: 60%"),
            "headroom: must be a percentage from 0% to 50%, e.g. '5%', not '60%'"),
        Arguments.of(
            with("headroom: 5"), "headroom: must be a percentage from 0% to 50%, e.g. '5%', not 5"),
        Arguments.of(
            with("onInsufficientCapacity: shed"),
            "onInsufficientCapacity: must be abort, downgrade or partial, not 'shed'"),
        Arguments.of(
            with("ladder: []"),
            "ladder: must not be empty; leave it out for [1.0, 0.75," + " 0.5, 0.25]"),
        Arguments.of(
            with("ladder: [0.9, 0.5]"),
            "ladder[0]: must be 1.0, the replicas as they are, before any step down; not 0.9"),
        Arguments.of(
            with("ladder: [1.0, 0.5, 0.5]"),
            "ladder[2]: must be less than the rung before it (0.5), not 0.5"),
        Arguments.of(
            with("ladder: [1.0, 0]"),
            "ladder[1]: must be a ratio greater than 0 and at most 1, not 0"),
        Arguments.of(
            with("ladder: [1.5]"),
            "ladder[0]: must be a ratio greater than 0 and at most 1, not 1.5"),
        Arguments.of(
            with("ladder: [1, half]"),
            "ladder[1]: must be a ratio greater than 0 and at most 1, not 'half'"),
        Arguments.of(
            with("allowCoreDegrade: 'true'"),
            "allowCoreDegrade: must be true or false, not 'true'"),
        Arguments.of(
            with("parallelism: 0"), "parallelism: must be a whole number from 1 to 64, not 0"),
        Arguments.of(
            with("parallelism: 65"), "parallelism: must be a whole number from 1 to 64, not 65"),
        Arguments.of(
            with("readinessTimeout: 10 minutes"),
            "readinessTimeout: The duration '10 minutes' is not a Go duration: the unit"
                + " ' minutes' is unknown; write a number and a unit (ns, us, ms, s, m, h), e.g."
                + " 720h, 1h30m or 90m"),
        Arguments.of(
            with("readinessTimeout: 0s"), "readinessTimeout: must be longer than 0, e.g. 10m"),
        Arguments.of(with("readinessTimeout: 600"), "readinessTimeout: must be a text, not 600"),
        Arguments.of(
            with("cutover: scale"), "cutover: must be none, quiesce or delete, not 'scale'"),
        Arguments.of(
            with("conflictPolicy: overwrite"),
            "conflictPolicy: must be none, update or recreate, not 'overwrite'"),
        Arguments.of(
            (HEAD + SHOP + "cutover: quiesce\n").replace("{context: primary}", "{backup: nightly}"),
            "cutover: must be none when the source is a backup (an offline migration never"
                + " touches the source), not quiesce"),
        Arguments.of(
            (HEAD + SHOP + "cutover: delete\n")
                .replace("{context: standby}", "{context: karmada, karmada: {memberCluster: m1}}"),
            "cutover: must be none in Karmada mode (Karmada adopts the objects still running in"
                + " the member cluster), not delete"),
        Arguments.of(with("onFailure: retry"), "onFailure: must be rollback or keep, not 'retry'"),
        Arguments.of(
            with("hooks: [beforeApplication]"),
            "hooks: must be an object with [afterApplication, afterCutover, beforeApplication,"
                + " beforeCutover]"),
        Arguments.of(
            with("hooks: {beforeApp: [{command: [true]}]}"),
            "hooks: unknown field(s) [beforeApp]; allowed: [afterApplication, afterCutover,"
                + " beforeApplication, beforeCutover]"),
        Arguments.of(
            with("hooks: {afterCutover: {command: [true]}}"), "hooks.afterCutover: must be a list"),
        Arguments.of(
            with("hooks: {beforeApplication: [~]}"),
            "hooks.beforeApplication[0]: must be a hook, not empty"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], timout: 5s}]}"),
            "hooks.beforeApplication[0]: unknown field(s) [timout]; allowed: [command, name,"
                + " timeout, url]"),
        Arguments.of(
            with("hooks: {afterApplication: [{command: [notify], url: 'https://h.example/x'}]}"),
            "hooks.afterApplication[0]: give exactly one of command (a program and its"
                + " arguments) and url (a webhook to POST to)"),
        Arguments.of(
            with("hooks: {beforeCutover: [{name: page-someone}]}"),
            "hooks.beforeCutover[0]: give exactly one of command (a program and its arguments)"
                + " and url (a webhook to POST to)"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: []}]}"),
            "hooks.beforeApplication[0].command: must not be empty: it needs at least the"
                + " program"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: 'notify --app shop'}]}"),
            "hooks.beforeApplication[0].command: must be a list of the program and its"
                + " arguments, e.g. [notify-cmdb, --app, shop]; no shell runs it (write [sh, -c,"
                + " '...'] for one)"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: ['', shop]}]}"),
            "hooks.beforeApplication[0].command[0]: must not be empty"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [sleep, 30]}]}"),
            "hooks.beforeApplication[0].command[1]: must be a text; quote numbers and booleans,"
                + " e.g. '30', not 30"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], name: ''}]}"),
            "hooks.beforeApplication[0].name: must not be empty"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], timeout: 10 seconds}]}"),
            "hooks.beforeApplication[0].timeout: The duration '10 seconds' is not a Go"
                + " duration: the unit ' seconds' is unknown; write a number and a unit (ns, us,"
                + " ms, s, m, h), e.g. 720h, 1h30m or 90m"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], timeout: 0s}]}"),
            "hooks.beforeApplication[0].timeout: must be longer than 0, e.g. 60s"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], timeout: 61m}]}"),
            "hooks.beforeApplication[0].timeout: must be at most 1h, not '61m'"),
        Arguments.of(
            with("hooks: {beforeApplication: [{command: [notify], timeout: 60}]}"),
            "hooks.beforeApplication[0].timeout: must be a text, not 60"),
        Arguments.of(
            with("hooks: {afterCutover: [{url: 'ftp://files.example/x'}]}"),
            "hooks.afterCutover[0].url: must be an absolute https URL, e.g."
                + " https://cmdb.example.com/hooks"),
        Arguments.of(
            with("hooks: {afterCutover: [{url: /hooks/lb}]}"),
            "hooks.afterCutover[0].url: must be an absolute https URL, e.g."
                + " https://cmdb.example.com/hooks"),
        Arguments.of(
            with("hooks: {afterCutover: [{url: 'https://lb example/x?token=abc'}]}"),
            "hooks.afterCutover[0].url: is not a valid URL: Illegal character in authority"),
        Arguments.of(
            with("hooks: {afterCutover: [{url: 'http://user:token@lb.example.com/x'}]}"),
            "hooks.afterCutover[0].url: must use https (plain http only to localhost, 127.0.0.1"
                + " or [::1]), not http to lb.example.com"));
  }

  @ParameterizedTest
  @MethodSource("invalidPlans")
  void rejectsNamingTheField(String yaml, String message) {
    assertThatThrownBy(() -> MigrationPlanParser.parse(yaml))
        .isInstanceOf(InvalidMigrationPlanException.class)
        .hasMessage("Invalid migration plan: " + message);
  }
}
