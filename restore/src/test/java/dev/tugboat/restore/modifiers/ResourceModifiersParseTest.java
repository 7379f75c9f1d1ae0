package dev.tugboat.restore.modifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceModifiersParseTest {

  private static void assertInvalid(String yaml, String message) {
    assertThatThrownBy(() -> ResourceModifiers.parse(yaml))
        .isInstanceOf(InvalidResourceModifiersException.class)
        .hasMessage(message);
  }

  private static String rule(String body) {
    return "version: v1\nresourceModifierRules:\n" + body;
  }

  @Test
  void acceptsVeleroDocumentedExample() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            rule(
                """
                - conditions:
                     groupResource: persistentvolumeclaims
                     resourceNameRegex: "^mysql.*$"
                     namespaces:
                     - bar
                     - foo
                     labelSelector:
                        matchLabels:
                           foo: bar
                  patches:
                  - operation: replace
                    path: "/spec/storageClassName"
                    value: "premium"
                  - operation: remove
                    path: "/metadata/labels/test"
                """));
    assertThat(modifiers).isNotNull();
  }

  @Test
  void rejectsUnknownVersion() {
    assertInvalid(
        "version: v2\nresourceModifierRules: []",
        "Invalid resource modifiers: version: unsupported version 'v2' (only v1)");
  }

  @Test
  void rejectsMissingRules() {
    assertInvalid(
        "version: v1",
        "Invalid resource modifiers: resourceModifierRules: there must be at least one rule");
  }

  @Test
  void rejectsUnknownField() {
    assertInvalid(
        rule("- conditions: {groupResource: pods, names: [a]}\n  patches: []"),
        "Invalid resource modifiers: resourceModifierRules[0].conditions: unknown field(s) [names];"
            + " allowed: [groupResource, labelSelector, matches, namespaces, resourceNameRegex]");
  }

  @Test
  void rejectsDuplicateKey() {
    assertInvalid(
        "version: v1\nversion: v1\n",
        "Invalid resource modifiers: the file: the key 'version' is repeated at line 2");
  }

  @Test
  void rejectsMissingGroupResource() {
    assertInvalid(
        rule("- conditions: {namespaces: [a]}\n  patches: [{operation: remove, path: /a}]"),
        "Invalid resource modifiers: resourceModifierRules[0].conditions.groupResource: is"
            + " required, e.g. 'pods' or 'deployments.apps' or '*.apps'");
  }

  @Test
  void rejectsBadGlob() {
    assertInvalid(
        rule("- conditions: {groupResource: '{pods'}\n  patches: [{operation: remove, path: /a}]"),
        "Invalid resource modifiers: resourceModifierRules[0].conditions.groupResource: the glob"
            + " '{pods' is invalid: a '{' is not closed");
  }

  @Test
  void rejectsBadRegexNamingTheRule() {
    assertInvalid(
        rule(
            """
            - conditions: {groupResource: pods}
              patches: [{operation: remove, path: /a}]
            - conditions: {groupResource: pods, resourceNameRegex: "web("}
              patches: [{operation: remove, path: /a}]
            """),
        "Invalid resource modifiers: resourceModifierRules[1].conditions.resourceNameRegex: 'web('"
            + " is not a valid regular expression: Unclosed group");
  }

  @Test
  void rejectsBadOperation() {
    assertInvalid(
        rule("- conditions: {groupResource: pods}\n  patches: [{operation: merge, path: /a}]"),
        "Invalid resource modifiers: resourceModifierRules[0].patches[0].operation: unsupported"
            + " operation 'merge' (add, remove, replace, move, copy or test)");
  }

  @Test
  void rejectsPathThatIsNotAPointer() {
    assertInvalid(
        rule("- conditions: {groupResource: pods}\n  patches: [{operation: remove, path: spec}]"),
        "Invalid resource modifiers: resourceModifierRules[0].patches[0].path: the JSON pointer"
            + " 'spec' must start with '/', e.g. /spec/replicas");
  }

  @Test
  void rejectsMoveWithoutFrom() {
    assertInvalid(
        rule("- conditions: {groupResource: pods}\n  patches: [{operation: move, path: /a}]"),
        "Invalid resource modifiers: resourceModifierRules[0].patches[0].from: is required by"
            + " 'move'");
  }

  @Test
  void rejectsInvalidJsonValue() {
    assertInvalid(
        rule(
            "- conditions: {groupResource: pods}\n"
                + "  patches: [{operation: add, path: /a, value: '{name: x}'}]"),
        "Invalid resource modifiers: resourceModifierRules[0].patches[0].value: the value"
            + " '{name: x}' is read as JSON but is not valid JSON (quote its names)");
  }

  @Test
  void rejectsTwoPatchKinds() {
    assertInvalid(
        rule(
            """
            - conditions: {groupResource: pods}
              patches: [{operation: remove, path: /a}]
              mergePatches: [{patchData: "{}"}]
            """),
        "Invalid resource modifiers: resourceModifierRules[0]: only one of patches, mergePatches"
            + " and strategicPatches may be given");
  }

  @Test
  void rejectsRuleWithoutPatch() {
    assertInvalid(
        rule("- conditions: {groupResource: pods}"),
        "Invalid resource modifiers: resourceModifierRules[0]: one of patches, mergePatches and"
            + " strategicPatches is required");
  }

  @Test
  void rejectsPatchDataThatIsNotAnObject() {
    assertInvalid(
        rule("- conditions: {groupResource: pods}\n  mergePatches: [{patchData: '[1]'}]"),
        "Invalid resource modifiers: resourceModifierRules[0].mergePatches[0].patchData: must be a"
            + " YAML or JSON object");
  }

  @Test
  void rejectsUnsupportedStrategicDirective() {
    assertInvalid(
        rule(
            "- conditions: {groupResource: pods}\n"
                + "  strategicPatches: [{patchData: '{spec: {$retainKeys: [a]}}'}]"),
        "Invalid resource modifiers: resourceModifierRules[0].strategicPatches[0].patchData: the"
            + " directive '$retainKeys' is not supported");
  }

  @Test
  void rejectsBadLabelSelectorOperator() {
    assertInvalid(
        rule(
            """
            - conditions:
                groupResource: pods
                labelSelector: {matchExpressions: [{key: app, operator: Is, values: [a]}]}
              patches: [{operation: remove, path: /a}]
            """),
        "Invalid resource modifiers:"
            + " resourceModifierRules[0].conditions.labelSelector.matchExpressions[0].operator: 'Is'"
            + " is not In, NotIn, Exists or DoesNotExist");
  }

  @Test
  void rejectsMatchWithoutPath() {
    assertInvalid(
        rule(
            "- conditions: {groupResource: pods, matches: [{value: x}]}\n"
                + "  patches: [{operation: remove, path: /a}]"),
        "Invalid resource modifiers: resourceModifierRules[0].conditions.matches[0].path: is"
            + " required");
  }

  @Test
  void rejectsTextThatIsNotYaml() {
    assertThatThrownBy(() -> ResourceModifiers.parse("version: [v1"))
        .isInstanceOf(InvalidResourceModifiersException.class)
        .hasMessageStartingWith("Invalid resource modifiers: the file: it is not valid YAML: ");
  }
}
