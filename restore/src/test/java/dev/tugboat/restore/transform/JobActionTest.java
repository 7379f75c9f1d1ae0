package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobActionTest {

  private final JobAction action = new JobAction();

  @Test
  void removesBothControllerUidLabelsFromSelectorAndTemplate() {
    var job =
        json(
            """
            {'metadata':{'name':'j'},'spec':{
              'selector':{'matchLabels':{'controller-uid':'u','batch.kubernetes.io/controller-uid':'u','app':'a'}},
              'template':{'metadata':{'labels':{'controller-uid':'u','batch.kubernetes.io/controller-uid':'u',
                'job-name':'j'}}}}}
            """);

    var applied = apply(action, job, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'j'},'spec':{'selector':{'matchLabels':{'app':'a'}},
                  'template':{'metadata':{'labels':{'job-name':'j'}}}}}
                """));
  }

  @Test
  void leavesAJobWithoutControllerUidLabelsAlone() {
    var job =
        json(
            """
            {'metadata':{'name':'j'},'spec':{'selector':{'matchLabels':{'app':'a'}},
              'template':{'metadata':{'labels':{'app':'a'}}}},'status':{'active':1}}
            """);

    var applied = apply(action, job, context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item()).isEqualTo(job);
  }
}
