package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Optional;

/** What the {@link ItemTransformer} decided for one backed-up object: create it, or skip it. */
public sealed interface Transformed permits Transformed.Create, Transformed.Skip {

  /**
   * Create {@code object}.
   *
   * @param object the object to create, a copy owned by the caller
   * @param targetNamespace the namespace to create it in; empty for a cluster-scoped object
   * @param status the backed-up status to write with {@code UpdateStatus} after the create, when
   *     the restore keeps this object's status (velero.md 3.3)
   */
  record Create(JsonObject object, Optional<String> targetNamespace, Optional<JsonObject> status)
      implements Transformed {
    public Create {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(targetNamespace, "targetNamespace");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * Do not restore the object.
   *
   * @param reason why, for the restore's log and results, e.g. {@code mirror pod}
   */
  record Skip(String reason) implements Transformed {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
