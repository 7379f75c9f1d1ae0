package dev.tugboat.restore.capacity.plan;

/** When in a migration a {@link Hook} runs; each is a list in the plan's {@code hooks}. */
public enum HookPoint {
  /** Before an application's objects are restored into the target. */
  BEFORE_APPLICATION("beforeApplication"),
  /** After an application is verified in the target, or has failed. */
  AFTER_APPLICATION("afterApplication"),
  /** Before the cutover of the source. */
  BEFORE_CUTOVER("beforeCutover"),
  /** After the cutover of the source. */
  AFTER_CUTOVER("afterCutover");

  private final String yamlName;

  HookPoint(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The list's name in the plan file, e.g. {@code beforeApplication}. */
  public String yamlName() {
    return yamlName;
  }

  /** Whether the hook runs for one application (rather than for the migration's cutover). */
  public boolean isPerApplication() {
    return this == BEFORE_APPLICATION || this == AFTER_APPLICATION;
  }
}
