package dev.tugboat.restore.migrate.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackOrderTest {

  @Test
  void theSheddableTierGoesFirstAndWithinATierTheLastOfThePlan() {
    List<RestoredApplication> inPlanOrder =
        List.of(
            app("shop", 0),
            app("payments", 0),
            app("monitoring", 2),
            app("analytics", 3),
            app("identity", 1),
            app("batch", 3));

    assertThat(RollbackOrder.of(inPlanOrder))
        .extracting(RestoredApplication::name)
        .containsExactly("batch", "analytics", "monitoring", "identity", "payments", "shop");
  }

  @Test
  void noApplicationsMeansNothingToDo() {
    assertThat(RollbackOrder.of(List.of())).isEmpty();
  }

  private static RestoredApplication app(String name, int tier) {
    return new RestoredApplication(name, tier, "move-" + name);
  }
}
