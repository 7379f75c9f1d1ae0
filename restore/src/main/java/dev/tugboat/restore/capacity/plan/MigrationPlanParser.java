package dev.tugboat.restore.capacity.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import dev.tugboat.core.selection.LabelRequirement;
import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.modifiers.YamlToJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@link MigrationPlan} from its YAML (or JSON) text, strictly: unknown fields, values of
 * the wrong type and values out of range are rejected with an {@link InvalidMigrationPlanException}
 * naming the field, e.g. {@code applications[2].tier: must be 0, 1, 2 or 3, not 5}. The format is
 * shown in this package's documentation.
 */
public final class MigrationPlanParser {

  static final int DEFAULT_HEADROOM_PERCENT = 5;
  static final int MAX_HEADROOM_PERCENT = 50;
  static final List<Double> DEFAULT_LADDER = List.of(1.0, 0.75, 0.5, 0.25);
  static final int DEFAULT_PARALLELISM = 4;
  static final int MAX_PARALLELISM = 64;
  static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(10);

  private static final Set<String> FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "name",
          "source",
          "target",
          "namespaceMappings",
          "applications",
          "grouping",
          "excludedResources",
          "headroom",
          "onInsufficientCapacity",
          "ladder",
          "allowCoreDegrade",
          "parallelism",
          "readinessTimeout",
          "cutover",
          "conflictPolicy",
          "hooks",
          "onFailure");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

  private MigrationPlanParser() {}

  /**
   * @throws InvalidMigrationPlanException naming the field and what is wrong with it
   */
  public static MigrationPlan parse(String yaml) {
    JsonElement document;
    try {
      document = YamlToJson.convert(yaml);
    } catch (IllegalArgumentException e) {
      throw new PlanField("", JsonNull.INSTANCE).invalid(e.getMessage(), e);
    }
    PlanField root = new PlanField("", document).object(FIELDS);
    if (root.isMissing()) {
      throw root.invalid("must be an object with apiVersion, kind, name, source and target");
    }
    expect(root.field("apiVersion"), MigrationPlan.API_VERSION);
    expect(root.field("kind"), MigrationPlan.KIND);
    PlanSource source = source(root.field("source"));
    PlanTarget target = target(root.field("target"));
    List<PlanApplication> applications = ApplicationsParser.parse(root.field("applications"));
    Optional<Grouping> grouping = grouping(root.field("grouping"));
    if (applications.isEmpty() && grouping.isEmpty()) {
      throw root.field("applications")
          .invalid("at least one application is required, or a grouping to derive them");
    }
    MigrationPlan plan =
        new MigrationPlan(
            PlanNames.dnsLabel(root.field("name")),
            source,
            target,
            namespaceMappings(root.field("namespaceMappings")),
            applications,
            grouping,
            excludedResources(root.field("excludedResources")),
            headroom(root.field("headroom")),
            choice(
                root.field("onInsufficientCapacity"),
                InsufficientCapacityAction.values(),
                InsufficientCapacityAction::yamlName,
                InsufficientCapacityAction.DOWNGRADE),
            ladder(root.field("ladder")),
            !root.field("allowCoreDegrade").isMissing() && root.field("allowCoreDegrade").bool(),
            root.field("parallelism").isMissing()
                ? DEFAULT_PARALLELISM
                : root.field("parallelism")
                    .wholeNumber(1, MAX_PARALLELISM, "must be a whole number from 1 to 64"),
            readinessTimeout(root.field("readinessTimeout")),
            choice(root.field("cutover"), Cutover.values(), Cutover::yamlName, Cutover.NONE),
            choice(
                root.field("conflictPolicy"),
                ExistingResourcePolicy.values(),
                ExistingResourcePolicy::cliName,
                ExistingResourcePolicy.NONE),
            HooksParser.parse(root.field("hooks")),
            choice(
                root.field("onFailure"),
                FailureAction.values(),
                FailureAction::yamlName,
                FailureAction.KEEP));
    checkCutover(root.field("cutover"), plan);
    return plan;
  }

  private static void expect(PlanField field, String expected) {
    if (field.isMissing()) {
      throw field.invalid("is required and must be " + expected);
    }
    if (!field.isText() || !field.text().equals(expected)) {
      throw field.invalid("must be " + expected + ", not " + field.shown());
    }
  }

  private static PlanSource source(PlanField source) {
    if (source.object(Set.of("context", "backup", "kubeconfig")).isMissing()) {
      throw source.invalid("is required, with context (a live cluster) or backup (offline)");
    }
    PlanField context = source.field("context");
    PlanField backup = source.field("backup");
    if (context.isMissing() == backup.isMissing()) {
      throw source.invalid(
          "give exactly one of context (a live cluster) and backup (a backup in the store)");
    }
    if (context.isMissing()) {
      if (!source.field("kubeconfig").isMissing()) {
        throw source.field("kubeconfig").invalid("is only for a context; a backup is in the store");
      }
      String name = PlanNames.required(backup);
      try {
        return new PlanSource.Stored(StoreLayout.requireValidName("backup", name));
      } catch (IllegalArgumentException e) {
        throw backup.invalid(e.getMessage(), e);
      }
    }
    return new PlanSource.Live(cluster(source));
  }

  private static PlanTarget target(PlanField target) {
    if (target.object(Set.of("context", "kubeconfig", "karmada")).isMissing()) {
      throw target.invalid("is required, with at least context");
    }
    PlanField karmada = target.field("karmada").object(Set.of("memberCluster"));
    Optional<String> memberCluster = Optional.empty();
    if (!karmada.isMissing()) {
      PlanField member = karmada.field("memberCluster");
      if (member.isMissing()) {
        throw member.invalid("is required in Karmada mode: the cluster the applications run in");
      }
      memberCluster = Optional.of(PlanNames.dnsLabel(member));
    }
    return new PlanTarget(cluster(target), memberCluster);
  }

  private static ClusterAccess cluster(PlanField cluster) {
    PlanField kubeconfig = cluster.field("kubeconfig");
    return new ClusterAccess(
        PlanNames.required(cluster.field("context")),
        kubeconfig.isMissing() ? Optional.empty() : Optional.of(PlanNames.required(kubeconfig)));
  }

  private static Map<String, String> namespaceMappings(PlanField mappings) {
    Map<String, String> result = new LinkedHashMap<>();
    Map<String, String> sourceByTarget = new HashMap<>();
    for (Map.Entry<String, PlanField> mapping : mappings.entries().entrySet()) {
      // A key is checked like a value; its message points at the map.
      String from =
          PlanNames.dnsLabel(new PlanField(mappings.path(), new JsonPrimitive(mapping.getKey())));
      String to = PlanNames.dnsLabel(mapping.getValue());
      String earlier = sourceByTarget.putIfAbsent(to, from);
      if (earlier != null) {
        throw mapping
            .getValue()
            .invalid(
                "'"
                    + to
                    + "' is already the target of "
                    + earlier
                    + "; two namespaces cannot merge");
      }
      result.put(from, to);
    }
    return result;
  }

  private static Optional<Grouping> grouping(PlanField grouping) {
    if (grouping.object(Set.of("label", "defaultTier")).isMissing()) {
      return Optional.empty();
    }
    PlanField label = grouping.field("label");
    String key = PlanNames.required(label);
    try {
      new LabelRequirement(key, LabelRequirement.Operator.EXISTS, List.of());
    } catch (IllegalArgumentException e) {
      throw label.invalid(e.getMessage(), e);
    }
    return Optional.of(new Grouping(key, ApplicationsParser.tier(grouping.field("defaultTier"))));
  }

  private static List<String> excludedResources(PlanField excluded) {
    List<String> patterns = new ArrayList<>();
    for (PlanField pattern : excluded.list()) {
      String text = PlanNames.required(pattern);
      try {
        ResourcePattern.parse(text);
      } catch (IllegalArgumentException e) {
        throw pattern.invalid(e.getMessage(), e);
      }
      patterns.add(text);
    }
    return patterns;
  }

  private static int headroom(PlanField headroom) {
    if (headroom.isMissing()) {
      return DEFAULT_HEADROOM_PERCENT;
    }
    Matcher percent = PERCENT.matcher(headroom.isText() ? headroom.text() : "");
    if (!percent.matches() || Integer.parseInt(percent.group(1)) > MAX_HEADROOM_PERCENT) {
      throw headroom.invalid(
          "must be a percentage from 0% to 50%, e.g. '5%', not " + headroom.shown());
    }
    return Integer.parseInt(percent.group(1));
  }

  private static List<Double> ladder(PlanField ladder) {
    if (ladder.isMissing()) {
      return DEFAULT_LADDER;
    }
    List<PlanField> rungs = ladder.list();
    if (rungs.isEmpty()) {
      throw ladder.invalid("must not be empty; leave it out for " + DEFAULT_LADDER);
    }
    List<Double> ratios = new ArrayList<>();
    BigDecimal previous = null;
    for (PlanField rung : rungs) {
      BigDecimal ratio = rung.number("must be a ratio greater than 0 and at most 1");
      if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
        throw rung.invalid(
            "must be a ratio greater than 0 and at most 1, not " + ratio.toPlainString());
      }
      if (previous == null && ratio.compareTo(BigDecimal.ONE) != 0) {
        throw rung.invalid(
            "must be 1.0, the replicas as they are, before any step down; not "
                + ratio.toPlainString());
      }
      if (previous != null && ratio.compareTo(previous) >= 0) {
        throw rung.invalid(
            "must be less than the rung before it ("
                + previous.toPlainString()
                + "), not "
                + ratio.toPlainString());
      }
      ratios.add(ratio.doubleValue());
      previous = ratio;
    }
    return ratios;
  }

  private static Duration readinessTimeout(PlanField timeout) {
    return timeout.isMissing() ? DEFAULT_READINESS_TIMEOUT : timeout.positiveDuration("10m");
  }

  /** One of an enumeration's values, by its name in the file; {@code otherwise} when missing. */
  private static <E extends Enum<E>> E choice(
      PlanField field, E[] values, Function<E, String> yamlName, E otherwise) {
    if (field.isMissing()) {
      return otherwise;
    }
    for (E value : values) {
      if (field.isText() && yamlName.apply(value).equals(field.text())) {
        return value;
      }
    }
    List<String> names = Arrays.stream(values).map(yamlName).toList();
    throw field.invalid(
        "must be "
            + names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
            + " or "
            + names.get(names.size() - 1)
            + ", not "
            + field.shown());
  }

  /** The source is changed by cutover only when Tugboat migrated away from it. */
  private static void checkCutover(PlanField cutover, MigrationPlan plan) {
    if (plan.cutover() == Cutover.NONE) {
      return;
    }
    if (plan.mode() == MigrationMode.OFFLINE) {
      throw cutover.invalid(
          "must be none when the source is a backup (an offline migration never touches the"
              + " source), not "
              + plan.cutover().yamlName());
    }
    if (plan.mode() == MigrationMode.KARMADA) {
      throw cutover.invalid(
          "must be none in Karmada mode (Karmada adopts the objects still running in the member"
              + " cluster), not "
              + plan.cutover().yamlName());
    }
  }
}
