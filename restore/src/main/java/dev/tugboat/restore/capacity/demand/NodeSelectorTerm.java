package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.model.NodeShape;
import java.util.List;
import java.util.Optional;

/**
 * One term of a required node affinity: its label expressions and field expressions (only {@code
 * metadata.name} exists) must all hold. A term with neither matches no node, as in Kubernetes.
 */
record NodeSelectorTerm(List<MatchExpression> expressions, List<MatchExpression> fields) {

  private static final String NODE_NAME = "metadata.name";

  static NodeSelectorTerm read(JsonObject term) {
    return new NodeSelectorTerm(
        JsonPaths.objects(term, "matchExpressions").stream().map(MatchExpression::read).toList(),
        JsonPaths.objects(term, "matchFields").stream().map(MatchExpression::read).toList());
  }

  /** Whether the node meets every requirement; {@link #mismatch} without the wording. */
  boolean matches(NodeShape node) {
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (MatchExpression expression : expressions) {
      if (!expression.matches(Optional.ofNullable(node.labels().get(expression.key())))) {
        return false;
      }
    }
    for (MatchExpression field : fields) {
      if (!field.matches(nodeField(field, node))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a field expression reads the node's name, which then matters to the answer. */
  boolean readsNodeName() {
    return !fields.isEmpty();
  }

  /** The first requirement the node fails, written out; empty when the node matches. */
  Optional<String> mismatch(NodeShape node) {
    if (expressions.isEmpty() && fields.isEmpty()) {
      return Optional.of("empty term");
    }
    for (MatchExpression expression : expressions) {
      if (!expression.matches(Optional.ofNullable(node.labels().get(expression.key())))) {
        return Optional.of(expression.toString());
      }
    }
    for (MatchExpression field : fields) {
      if (!field.matches(nodeField(field, node))) {
        return Optional.of(field.toString());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nodeField(MatchExpression field, NodeShape node) {
    return field.key().equals(NODE_NAME) ? Optional.of(node.name()) : Optional.empty();
  }
}
