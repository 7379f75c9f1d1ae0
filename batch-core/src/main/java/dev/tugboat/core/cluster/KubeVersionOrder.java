package dev.tugboat.core.cluster;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders API versions by Kubernetes' priority, lowest first: {@code v1alpha1 < v1beta1 < v1beta2 <
 * v1 < v2}. Stable versions outrank beta versions, which outrank alpha versions, whatever their
 * numbers; versions that do not follow the {@code vN[alpha|betaM]} pattern rank below all others,
 * alphabetically.
 */
public final class KubeVersionOrder implements Comparator<String> {

  public static final KubeVersionOrder INSTANCE = new KubeVersionOrder();

  private static final Pattern KUBE_VERSION =
      Pattern.compile("v(\\d{1,9})(?:(alpha|beta)(\\d{1,9}))?");

  private KubeVersionOrder() {}

  @Override
  public int compare(String a, String b) {
    Matcher left = KUBE_VERSION.matcher(a);
    Matcher right = KUBE_VERSION.matcher(b);
    boolean leftMatches = left.matches();
    boolean rightMatches = right.matches();
    if (!leftMatches || !rightMatches) {
      return leftMatches == rightMatches
          ? a.compareTo(b)
          : Boolean.compare(leftMatches, rightMatches);
    }
    int byStability = Integer.compare(stability(left.group(2)), stability(right.group(2)));
    if (byStability != 0) {
      return byStability;
    }
    int byMajor =
        Integer.compare(Integer.parseInt(left.group(1)), Integer.parseInt(right.group(1)));
    if (byMajor != 0) {
      return byMajor;
    }
    return left.group(3) == null
        ? 0
        : Integer.compare(Integer.parseInt(left.group(3)), Integer.parseInt(right.group(3)));
  }

  private static int stability(String level) {
    if (level == null) {
      return 2;
    }
    return "beta".equals(level) ? 1 : 0;
  }
}
