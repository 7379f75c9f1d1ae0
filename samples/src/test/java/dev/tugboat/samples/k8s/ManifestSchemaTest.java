package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every manifest of {@code samples/k8s} is valid against the Kubernetes API's schema, as the typed
 * models of the official Java client carry it: they refuse unknown fields, so a misspelled field
 * fails here. (The sandbox keeps unknown fields, and kubectl leaves field validation to the server,
 * so {@code kubectl apply --dry-run=client} against it would not notice.)
 */
class ManifestSchemaTest {

  @Test
  void theFolderHoldsExactlyTheListedManifests() throws Exception {
    assertThat(Manifests.filesInFolder()).containsExactlyInAnyOrderElementsOf(Manifests.FILES);
  }

  @ParameterizedTest
  @FieldSource("dev.tugboat.samples.k8s.Manifests#FILES")
  void everyDocumentMatchesItsTypesSchema(String file) {
    List<JsonObject> documents = Manifests.documents(file);

    assertThat(documents).isNotEmpty();
    for (JsonObject document : documents) {
      String apiVersion = Manifests.string(document, "apiVersion");
      String kind = Manifests.string(document, "kind");
      Class<?> type = ModelMapper.getApiTypeClass(apiVersion, kind);
      assertThat(type).as(file + ": a model for " + apiVersion + " " + kind).isNotNull();
      assertThat(Manifests.string(document, "metadata", "name")).as(file).isNotBlank();
      assertThatCode(() -> JSON.deserialize(document.toString(), type))
          .as(file + ": " + kind + " " + Manifests.string(document, "metadata", "name"))
          .doesNotThrowAnyException();
    }
  }
}
