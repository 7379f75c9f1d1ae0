package dev.tugboat.restore.migrate.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.plan.HookPoint;
import org.junit.jupiter.api.Test;

class HookContextTest {

  @Test
  void theFactoriesFillInWhatDoesNotApplyAsEmpty() {
    assertThat(HookContext.beforeApplication("m", "shop"))
        .isEqualTo(new HookContext("m", HookPoint.BEFORE_APPLICATION, "shop", ""));
    assertThat(HookContext.afterCutover("m", "Completed"))
        .isEqualTo(new HookContext("m", HookPoint.AFTER_CUTOVER, "", "Completed"));
  }

  @Test
  void anApplicationHookNeedsAnApplication() {
    assertThatThrownBy(() -> new HookContext("m", HookPoint.AFTER_APPLICATION, "", "Failed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("afterApplication hooks run for an application: name it");
  }

  @Test
  void aCutoverHookHasNoApplication() {
    assertThatThrownBy(() -> new HookContext("m", HookPoint.BEFORE_CUTOVER, "shop", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beforeCutover hooks run for the whole migration, not for application shop");
  }
}
