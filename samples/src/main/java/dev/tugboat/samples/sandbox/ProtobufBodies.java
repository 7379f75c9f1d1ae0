package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Coordination;
import io.kubernetes.client.proto.V1Events;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V2Autoscaling;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies in the Kubernetes protobuf encoding, which kubectl's typed commands ({@code
 * kubectl create namespace}, {@code create configmap}, {@code run}...) send for built-in kinds,
 * into the JSON the sandbox stores. Uses the message descriptors of client-java-proto. Like Go's
 * {@code omitempty}, empty strings and zero timestamps are left out.
 */
final class ProtobufBodies {

  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final Descriptor ENVELOPE =
      Runtime.getDescriptor().findMessageTypeByName("Unknown");

  private static final List<FileDescriptor> FILES =
      List.of(
          V1.getDescriptor(),
          V1Apps.getDescriptor(),
          V1Batch.getDescriptor(),
          V1Rbac.getDescriptor(),
          V1Networking.getDescriptor(),
          V1Policy.getDescriptor(),
          V1Storage.getDescriptor(),
          V1Scheduling.getDescriptor(),
          V1Coordination.getDescriptor(),
          V1Events.getDescriptor(),
          V2Autoscaling.getDescriptor());

  private ProtobufBodies() {}

  static boolean isProtobuf(String contentType) {
    return contentType != null && contentType.startsWith(CONTENT_TYPE);
  }

  /**
   * @throws ApiError 400 BadRequest when the body is not a Kubernetes protobuf envelope, 415 when
   *     its kind has no protobuf encoding the sandbox knows
   */
  static JsonObject decode(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw new ApiError(400, "BadRequest", "the protobuf body lacks the k8s envelope prefix");
    }
    try {
      // Parsed dynamically: client-java-proto's generated parsers are old and warn on first use.
      DynamicMessage envelope =
          DynamicMessage.parseFrom(ENVELOPE, Arrays.copyOfRange(body, MAGIC.length, body.length));
      Message typeMeta = (Message) field(envelope, "typeMeta");
      String apiVersion = (String) field(typeMeta, "apiVersion");
      String kind = (String) field(typeMeta, "kind");
      Descriptor descriptor = descriptor(apiVersion, kind);
      JsonObject object = new JsonObject();
      object.addProperty("apiVersion", apiVersion);
      object.addProperty("kind", kind);
      toJson(DynamicMessage.parseFrom(descriptor, (ByteString) field(envelope, "raw")))
          .entrySet()
          .forEach(entry -> object.add(entry.getKey(), entry.getValue()));
      return object;
    } catch (InvalidProtocolBufferException e) {
      throw new ApiError(400, "BadRequest", "the protobuf body cannot be read: " + e.getMessage());
    }
  }

  private static Descriptor descriptor(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "core" : apiVersion.substring(0, slash).split("\\.")[0];
    String protoPackage = "k8s.io.api." + group + "." + apiVersion.substring(slash + 1);
    return FILES.stream()
        .filter(file -> file.getPackage().equals(protoPackage))
        .map(file -> file.findMessageTypeByName(kind))
        .filter(found -> found != null)
        .findFirst()
        .orElseThrow(
            () ->
                new ApiError(
                    415,
                    "UnsupportedMediaType",
                    "the sandbox cannot read "
                        + apiVersion
                        + " "
                        + kind
                        + " as protobuf; send JSON"));
  }

  private static JsonObject toJson(Message message) {
    JsonObject object = new JsonObject();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      JsonElement value;
      if (field.isMapField()) {
        value = map((List<?>) entry.getValue());
      } else if (field.isRepeated()) {
        JsonArray array = new JsonArray();
        ((List<?>) entry.getValue()).forEach(item -> array.add(value(field, item)));
        value = array;
      } else {
        value = value(field, entry.getValue());
      }
      if (value != null) {
        object.add(field.getName(), value);
      }
    }
    return object;
  }

  private static JsonObject map(List<?> entries) {
    JsonObject map = new JsonObject();
    for (Object entry : entries) {
      Message pair = (Message) entry;
      FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
      FieldDescriptor value = pair.getDescriptorForType().findFieldByName("value");
      JsonElement converted = value(value, pair.getField(value));
      map.add(
          String.valueOf(pair.getField(key)),
          converted == null ? new JsonPrimitive("") : converted);
    }
    return map;
  }

  /** One value; null when Go would omit it (empty string, zero time). */
  private static JsonElement value(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> message((Message) value);
      case STRING -> ((String) value).isEmpty() ? null : new JsonPrimitive((String) value);
      case BYTE_STRING ->
          new JsonPrimitive(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case BOOLEAN -> new JsonPrimitive((Boolean) value);
      case INT, LONG, FLOAT, DOUBLE -> new JsonPrimitive((Number) value);
      case ENUM -> new JsonPrimitive(value.toString());
    };
  }

  /** Messages that JSON writes as scalars: times, quantities, int-or-strings, raw JSON. */
  private static JsonElement message(Message message) {
    String type = message.getDescriptorForType().getFullName();
    switch (type) {
      case META + "Time", META + "MicroTime" -> {
        long seconds = (Long) field(message, "seconds");
        return seconds == 0 ? null : new JsonPrimitive(Instant.ofEpochSecond(seconds).toString());
      }
      case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> {
        return new JsonPrimitive((String) field(message, "string"));
      }
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> {
        long kind = ((Number) field(message, "type")).longValue();
        return kind == 0
            ? new JsonPrimitive((Number) field(message, "intVal"))
            : new JsonPrimitive((String) field(message, "strVal"));
      }
      case "k8s.io.apimachinery.pkg.runtime.RawExtension", META + "FieldsV1" -> {
        ByteString raw = (ByteString) field(message, "raw");
        return raw.isEmpty() ? null : Json.parse(raw.toString(StandardCharsets.UTF_8));
      }
      default -> {
        return toJson(message);
      }
    }
  }

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }
}
