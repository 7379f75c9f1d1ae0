package dev.tugboat.core.archive;

import java.util.Objects;

/**
 * Where one copy of an item lives in a Velero backup tarball. The grammar is Velero's
 * (pkg/archive/filesystem.go {@code GetVersionedItemFilePath}):
 *
 * <pre>
 * resources/&lt;resource&gt;[.&lt;group&gt;]/[&lt;version&gt;[-preferredversion]/](namespaces/&lt;namespace&gt;|cluster)/&lt;name&gt;.json
 * </pre>
 *
 * <p>Without a version folder the path is the <em>classic copy</em>, the only one a plain Velero
 * restore reads. Every part is a single path segment, so a path can never point outside its folder.
 *
 * @param groupResource folder of the resource type, e.g. {@code pods} or {@code deployments.apps}
 * @param version the API version folder, e.g. {@code v1}; null for the classic copy
 * @param preferredVersion whether the version folder carries the {@code -preferredversion} suffix
 *     (the source cluster's preferred version)
 * @param namespace the item's namespace; null for a cluster-scoped item
 * @param name the item's name, used verbatim (it may contain {@code :} and dots)
 */
public record ArchivePath(
    String groupResource, String version, boolean preferredVersion, String namespace, String name) {

  static final String RESOURCES_DIR = "resources";
  private static final String PREFERRED_SUFFIX = "-preferredversion";
  private static final String NAMESPACES_DIR = "namespaces";
  private static final String CLUSTER_DIR = "cluster";
  private static final String ITEM_SUFFIX = ".json";

  /**
   * Validates every part.
   *
   * @throws IllegalArgumentException naming the offending value when a part is not a single path
   *     segment, or when the version folder would be ambiguous
   */
  public ArchivePath {
    requireSegment("group-resource", groupResource);
    requireSegment("name", name);
    if (namespace != null) {
      requireSegment("namespace", namespace);
    }
    if (version != null) {
      requireSegment("version", version);
      if (!preferredVersion && (version.equals(NAMESPACES_DIR) || version.equals(CLUSTER_DIR))) {
        throw new IllegalArgumentException(
            "Invalid version '" + version + "': it would be read as a scope folder");
      }
    } else if (preferredVersion) {
      throw new IllegalArgumentException(
          "A preferred-version path needs a version (item '" + name + "')");
    }
  }

  /** The classic (un-versioned) copy; {@code namespace} is null for a cluster-scoped item. */
  public static ArchivePath classic(String groupResource, String namespace, String name) {
    return new ArchivePath(groupResource, null, false, namespace, name);
  }

  /** The copy in the {@code <version>-preferredversion} folder. */
  public static ArchivePath inPreferredVersion(
      String groupResource, String version, String namespace, String name) {
    return new ArchivePath(
        groupResource, Objects.requireNonNull(version, "version"), true, namespace, name);
  }

  /**
   * Parses a tar entry name that follows the grammar.
   *
   * @throws IllegalArgumentException saying why {@code path} does not follow it
   */
  public static ArchivePath parse(String path) {
    String[] segments = path.split("/", -1);
    int last = segments.length - 1;
    if (segments.length < 4 || !segments[0].equals(RESOURCES_DIR)) {
      throw new IllegalArgumentException(
          "'" + path + "' is not resources/<group-resource>/.../<name>.json");
    }
    if (!segments[last].endsWith(ITEM_SUFFIX)) {
      throw new IllegalArgumentException("'" + path + "' does not end with " + ITEM_SUFFIX);
    }
    String groupResource = segments[1];
    String name = segments[last].substring(0, segments[last].length() - ITEM_SUFFIX.length());

    // Velero treats any folder other than the two scope folders as a version folder.
    int scope = 2;
    String version = null;
    boolean preferred = false;
    if (!segments[scope].equals(NAMESPACES_DIR) && !segments[scope].equals(CLUSTER_DIR)) {
      version = segments[scope];
      preferred = version.endsWith(PREFERRED_SUFFIX);
      if (preferred) {
        version = version.substring(0, version.length() - PREFERRED_SUFFIX.length());
      }
      scope++;
    }

    String namespace;
    if (segments[scope].equals(CLUSTER_DIR) && last == scope + 1) {
      namespace = null;
    } else if (segments[scope].equals(NAMESPACES_DIR) && last == scope + 2) {
      namespace = segments[scope + 1];
    } else {
      throw new IllegalArgumentException(
          "'" + path + "' has no namespaces/<namespace>/ or cluster/ folder right before the name");
    }
    return new ArchivePath(groupResource, version, preferred, namespace, name);
  }

  /** True for the un-versioned copy, the one a restore reads. */
  public boolean isClassicCopy() {
    return version == null;
  }

  public boolean isClusterScoped() {
    return namespace == null;
  }

  /** The tar entry name of this copy. */
  public String entryName() {
    StringBuilder path = new StringBuilder(RESOURCES_DIR).append('/').append(groupResource);
    if (version != null) {
      path.append('/').append(version).append(preferredVersion ? PREFERRED_SUFFIX : "");
    }
    if (namespace == null) {
      path.append('/').append(CLUSTER_DIR);
    } else {
      path.append('/').append(NAMESPACES_DIR).append('/').append(namespace);
    }
    return path.append('/').append(name).append(ITEM_SUFFIX).toString();
  }

  @Override
  public String toString() {
    return entryName();
  }

  private static void requireSegment(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("The " + what + " must not be empty");
    }
    if (value.contains("/") || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(
          "Invalid " + what + " '" + value + "': it must be a single path segment");
    }
  }
}
