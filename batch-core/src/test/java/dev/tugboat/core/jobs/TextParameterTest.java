package dev.tugboat.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class TextParameterTest {

  @Test
  void aLongTextIsSplitIntoPiecesThatFitTheColumnAndJoinedBack() {
    String text = "a".repeat(TextParameter.PIECE) + "b".repeat(TextParameter.PIECE) + "c";

    JobParameters parameters =
        TextParameter.add(new JobParametersBuilder(), "plan", text).toJobParameters();

    assertThat(parameters.getString("plan")).hasSize(TextParameter.PIECE);
    assertThat(parameters.getString("plan.1")).hasSize(TextParameter.PIECE);
    assertThat(parameters.getString("plan.2")).isEqualTo("c");
    assertThat(parameters.getString("plan.3")).isNull();
    assertThat(TextParameter.get(parameters, "plan")).isEqualTo(text);
  }

  @Test
  void onlyTheDigestIdentifiesTheInstance() {
    JobParameters parameters =
        TextParameter.add(new JobParametersBuilder(), "plan", "x".repeat(2500)).toJobParameters();

    assertThat(parameters.getIdentifyingParameters())
        .extracting(parameter -> parameter.name())
        .containsExactly("plan.sha256");
  }

  @Test
  void aNonIdentifyingTextLeavesTheIdentityToTheOtherParameters() {
    JobParameters parameters =
        TextParameter.add(new JobParametersBuilder().addString("id", "m1"), "plan", "p", false)
            .toJobParameters();

    assertThat(parameters.getIdentifyingParameters())
        .extracting(parameter -> parameter.name())
        .containsExactly("id");
    assertThat(TextParameter.get(parameters, "plan")).isEqualTo("p");
  }

  @Test
  void anEmptyTextIsKeptAsOneEmptyPiece() {
    JobParameters parameters =
        TextParameter.add(new JobParametersBuilder(), "plan", "").toJobParameters();

    assertThat(TextParameter.get(parameters, "plan")).isEmpty();
    assertThat(TextParameter.get(parameters, "other")).isNull();
  }

  @Test
  void aMissingPieceIsRefused() {
    JobParameters parameters =
        TextParameter.add(new JobParametersBuilder(), "plan", "y".repeat(4001)).toJobParameters();
    JobParameters cut =
        new JobParametersBuilder()
            .addString("plan", parameters.getString("plan"))
            .addString("plan.1", parameters.getString("plan.1"))
            .addString("plan.sha256", parameters.getString("plan.sha256"))
            .toJobParameters();

    assertThatThrownBy(() -> TextParameter.get(cut, "plan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'plan' is incomplete");
  }
}
