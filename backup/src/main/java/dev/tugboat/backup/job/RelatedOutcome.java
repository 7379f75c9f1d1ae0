package dev.tugboat.backup.job;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.tugboat.backup.collect.StagedSegmentCount;
import dev.tugboat.backup.related.Problem;
import dev.tugboat.backup.related.RelatedItems;
import dev.tugboat.backup.staging.StagedSegment;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the related step staged, kept in its execution context for the publish step.
 *
 * @param segment the staged segment of related objects
 * @param items how many it holds
 * @param problems the related objects that could not be read
 */
record RelatedOutcome(StagedSegment segment, long items, List<Problem> problems) {

  /** The staging segment of the related objects. */
  static final String SEGMENT = "related";

  private static final Gson GSON = new Gson();
  private static final String PROBLEMS_KEY = "related.problems";

  RelatedOutcome {
    problems = List.copyOf(problems);
  }

  static RelatedOutcome of(RelatedItems related) {
    return new RelatedOutcome(
        new StagedSegment(SEGMENT, "", related.chunks()), related.items(), related.problems());
  }

  void saveTo(ExecutionContext context) {
    new StagedSegmentCount(segment.chunks(), items).saveTo(context);
    context.putString(PROBLEMS_KEY, GSON.toJson(problems));
  }

  static RelatedOutcome from(ExecutionContext context) {
    StagedSegmentCount count = StagedSegmentCount.from(context);
    List<Problem> problems =
        GSON.fromJson(
            context.getString(PROBLEMS_KEY, "[]"), new TypeToken<List<Problem>>() {}.getType());
    return new RelatedOutcome(
        new StagedSegment(SEGMENT, "", count.chunks()), count.items(), problems);
  }
}
