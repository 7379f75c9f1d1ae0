package dev.tugboat.restore.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MigrationPlanParserTest {

  static final String MINIMAL =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: move-shop
      source: {context: primary}
      target: {context: standby}
      applications:
      - name: shop
        selector: {namespaces: [shop]}
      """;

  static final String FULL =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: to-karmada
      source: {context: member1, kubeconfig: /etc/member1.kubeconfig}
      target:
        context: karmada-apiserver
        kubeconfig: karmada.kubeconfig
        karmada: {memberCluster: member1}
      namespaceMappings: {shop: shop-dr, payments: payments-dr}
      applications:
      - name: postgres
        tier: 0
        minReplicas: 1
        priority: 10
        selector:
          namespaces: [shop]
          kinds: [StatefulSet, Service]
          names: [postgres]
      - name: storefront
        tier: 1
        selector:
          namespaces: [shop, payments]
          labelSelector:
            matchLabels: {app.kubernetes.io/part-of: storefront}
            matchExpressions:
            - {key: tugboat.dev/tier, operator: In, values: ["1", "2"]}
            - {key: legacy, operator: DoesNotExist}
      - name: reports
        tier: 3
        minReplicas: 0
        priority: -1
        selector: {namespaces: [batch]}
      grouping: {label: app.kubernetes.io/part-of, defaultTier: 3}
      excludedResources: [events, events.events.k8s.io]
      headroom: 10%
      onInsufficientCapacity: abort
      ladder: [1, 0.5, 0.1]
      allowCoreDegrade: yes
      parallelism: 64
      readinessTimeout: 1h30m
      conflictPolicy: recreate
      onFailure: rollback
      hooks:
        beforeApplication:
        - name: update-cmdb
          command: [/opt/cmdb/update, --app, '30', '']
          timeout: 90s
        afterApplication:
        - url: https://bot:s3cret@chat.example.com/notify?token=abc
        beforeCutover: []
        afterCutover:
        - {name: switch-lb, command: [sh, -c, 'lb switch $TUGBOAT_MIGRATION'], timeout: 1h}
      """;

  @Test
  void fillsInTheDefaults() {
    MigrationPlan plan = MigrationPlanParser.parse(MINIMAL);

    assertThat(plan)
        .isEqualTo(
            new MigrationPlan(
                "move-shop",
                new PlanSource.Live(new ClusterAccess("primary", Optional.empty())),
                new PlanTarget(new ClusterAccess("standby", Optional.empty()), Optional.empty()),
                Map.of(),
                List.of(
                    new PlanApplication(
                        "shop",
                        2,
                        new ApplicationSelector(
                            List.of("shop"), List.of(), List.of(), LabelSelector.everything()),
                        OptionalInt.empty(),
                        0)),
                Optional.empty(),
                List.of(),
                5,
                InsufficientCapacityAction.DOWNGRADE,
                List.of(1.0, 0.75, 0.5, 0.25),
                false,
                4,
                Duration.ofMinutes(10),
                Cutover.NONE,
                ExistingResourcePolicy.NONE,
                PlanHooks.NONE,
                FailureAction.KEEP));
    assertThat(plan.mode()).isEqualTo(MigrationMode.ONLINE);
    assertThat(plan.targetNamespace("shop")).isEqualTo("shop");
  }

  @Test
  void readsEveryField() {
    MigrationPlan plan = MigrationPlanParser.parse(FULL);

    assertThat(plan)
        .isEqualTo(
            new MigrationPlan(
                "to-karmada",
                new PlanSource.Live(
                    new ClusterAccess("member1", Optional.of("/etc/member1.kubeconfig"))),
                new PlanTarget(
                    new ClusterAccess("karmada-apiserver", Optional.of("karmada.kubeconfig")),
                    Optional.of("member1")),
                Map.of("shop", "shop-dr", "payments", "payments-dr"),
                List.of(
                    new PlanApplication(
                        "postgres",
                        0,
                        new ApplicationSelector(
                            List.of("shop"),
                            List.of("StatefulSet", "Service"),
                            List.of("postgres"),
                            LabelSelector.everything()),
                        OptionalInt.of(1),
                        10),
                    new PlanApplication(
                        "storefront",
                        1,
                        new ApplicationSelector(
                            List.of("shop", "payments"),
                            List.of(),
                            List.of(),
                            LabelSelector.parse(
                                "app.kubernetes.io/part-of=storefront,"
                                    + "tugboat.dev/tier in (1,2),!legacy")),
                        OptionalInt.empty(),
                        0),
                    new PlanApplication(
                        "reports",
                        3,
                        new ApplicationSelector(
                            List.of("batch"), List.of(), List.of(), LabelSelector.everything()),
                        OptionalInt.of(0),
                        -1)),
                Optional.of(new Grouping("app.kubernetes.io/part-of", 3)),
                List.of("events", "events.events.k8s.io"),
                10,
                InsufficientCapacityAction.ABORT,
                List.of(1.0, 0.5, 0.1),
                true,
                64,
                Duration.ofMinutes(90),
                Cutover.NONE,
                ExistingResourcePolicy.RECREATE,
                new PlanHooks(
                    List.of(
                        new Hook(
                            "update-cmdb",
                            new Hook.Command(List.of("/opt/cmdb/update", "--app", "30", "")),
                            Duration.ofSeconds(90))),
                    List.of(
                        new Hook(
                            "hooks.afterApplication[0]",
                            new Hook.Webhook(
                                URI.create("https://bot:s3cret@chat.example.com/notify?token=abc")),
                            Duration.ofSeconds(60))),
                    List.of(),
                    List.of(
                        new Hook(
                            "switch-lb",
                            new Hook.Command(List.of("sh", "-c", "lb switch $TUGBOAT_MIGRATION")),
                            Duration.ofHours(1)))),
                FailureAction.ROLLBACK));
    assertThat(plan.mode()).isEqualTo(MigrationMode.KARMADA);
    assertThat(plan.targetNamespace("payments")).isEqualTo("payments-dr");
    assertThat(plan.excludedResourcePatterns())
        .extracting(Object::toString)
        .containsExactly("events", "events.events.k8s.io");
  }

  @Test
  void aBackupSourceIsOffline() {
    MigrationPlan plan =
        MigrationPlanParser.parse(MINIMAL.replace("{context: primary}", "{backup: nightly-0412}"));

    assertThat(plan.source()).isEqualTo(new PlanSource.Stored("nightly-0412"));
    assertThat(plan.mode()).isEqualTo(MigrationMode.OFFLINE);
  }

  @Test
  void groupingAloneIsEnoughAndDefaultsToTier2() {
    MigrationPlan plan =
        MigrationPlanParser.parse(
            MINIMAL.substring(0, MINIMAL.indexOf("applications:"))
                + "grouping: {label: app.kubernetes.io/part-of}\n");

    assertThat(plan.applications()).isEmpty();
    assertThat(plan.grouping()).contains(new Grouping("app.kubernetes.io/part-of", 2));
  }

  @Test
  void aWebhookMayUsePlainHttpToTheLocalMachineOnly() {
    MigrationPlan plan =
        MigrationPlanParser.parse(
            MINIMAL
                + "hooks:\n  afterCutover:\n  - url: http://127.0.0.1:8080/switch\n"
                + "  - url: http://localhost/page\n");

    assertThat(plan.hooks().at(HookPoint.AFTER_CUTOVER))
        .extracting(hook -> ((Hook.Webhook) hook.action()).url())
        .containsExactly(
            URI.create("http://127.0.0.1:8080/switch"), URI.create("http://localhost/page"));
  }

  @Test
  void readsTheDemoFailoverSample() throws IOException {
    MigrationPlan plan =
        MigrationPlanParser.parse(Files.readString(Path.of("../samples/plans/demo-failover.yaml")));

    assertThat(plan.name()).isEqualTo("demo-failover");
    assertThat(plan.source())
        .isEqualTo(
            new PlanSource.Live(new ClusterAccess("primary", Optional.of("primary.kubeconfig"))));
    assertThat(plan.target())
        .isEqualTo(
            new PlanTarget(
                new ClusterAccess("standby", Optional.of("standby.kubeconfig")), Optional.empty()));
    assertThat(plan.applications())
        .extracting(
            application ->
                application.name()
                    + " "
                    + application.selector().namespaces()
                    + " tier "
                    + application.tier()
                    + " min "
                    + application.minReplicas())
        .containsExactly(
            "shop [shop] tier 0 min OptionalInt[1]",
            "payments [payments] tier 1 min OptionalInt.empty",
            "identity [identity] tier 1 min OptionalInt.empty",
            "monitoring [monitoring] tier 2 min OptionalInt.empty",
            "analytics [analytics] tier 3 min OptionalInt[0]",
            "batch [batch] tier 3 min OptionalInt[0]");
    assertThat(plan.onInsufficientCapacity()).isEqualTo(InsufficientCapacityAction.PARTIAL);
    assertThat(plan.cutover()).isEqualTo(Cutover.NONE);
  }

  @Test
  void theCanonicalJsonReadsBackEqual() {
    for (String yaml :
        List.of(MINIMAL, FULL, MINIMAL.replace("primary}", "primary, kubeconfig: a}"))) {
      MigrationPlan plan = MigrationPlanParser.parse(yaml);

      assertThat(MigrationPlanParser.parse(plan.toJson())).isEqualTo(plan);
    }
  }

  @Test
  void writesEveryDefaultInTheCanonicalJson() {
    assertThat(MigrationPlanParser.parse(MINIMAL).toJson())
        .isEqualTo(
            """
            {
              "apiVersion": "tugboat.dev/v1",
              "kind": "MigrationPlan",
              "name": "move-shop",
              "source": {
                "context": "primary"
              },
              "target": {
                "context": "standby"
              },
              "namespaceMappings": {},
              "applications": [
                {
                  "name": "shop",
                  "tier": 2,
                  "selector": {
                    "namespaces": [
                      "shop"
                    ],
                    "kinds": [],
                    "names": []
                  },
                  "priority": 0
                }
              ],
              "excludedResources": [],
              "headroom": "5%",
              "onInsufficientCapacity": "downgrade",
              "ladder": [
                1.0,
                0.75,
                0.5,
                0.25
              ],
              "allowCoreDegrade": false,
              "parallelism": 4,
              "readinessTimeout": "10m0s",
              "cutover": "none",
              "conflictPolicy": "none",
              "hooks": {
                "beforeApplication": [],
                "afterApplication": [],
                "beforeCutover": [],
                "afterCutover": []
              },
              "onFailure": "keep"
            }\
            """);
  }

  @Test
  void writesLabelSelectorsInKubernetesForm() {
    // Compared without the indentation, which is not the point here.
    String json = MigrationPlanParser.parse(FULL).toJson().replaceAll("\\s+", "");

    assertThat(json)
        .contains(
            "\"labelSelector\":{\"matchLabels\":{\"app.kubernetes.io/part-of\":\"storefront\"},"
                + "\"matchExpressions\":[{\"key\":\"legacy\",\"operator\":\"DoesNotExist\"},"
                + "{\"key\":\"tugboat.dev/tier\",\"operator\":\"In\",\"values\":[\"1\",\"2\"]}]}");
  }
}
