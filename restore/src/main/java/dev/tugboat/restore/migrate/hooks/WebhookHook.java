package dev.tugboat.restore.migrate.hooks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.tugboat.backup.velero.GoDuration;
import dev.tugboat.restore.capacity.plan.Hook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** POSTs a hook's context as JSON to its webhook; any 2xx answer in time is a success. */
final class WebhookHook {

  /** How much of a failed answer's body goes in the summary; the rest is in the output. */
  private static final int SHOWN_BODY_CHARS = 200;

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final HttpClient client;

  WebhookHook(HttpClient client) {
    this.client = client;
  }

  HookResult run(Hook hook, Hook.Webhook webhook, HookContext context) {
    URI url = webhook.url();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(withoutUserInfo(url))
            .timeout(hook.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(context), StandardCharsets.UTF_8));
    if (url.getRawUserInfo() != null) {
      request.header("Authorization", basicAuthorization(url.getUserInfo()));
    }
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      // The request's own timeout ends at the headers; this one covers a slow body too.
      response = answer.get(hook.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return timedOut(hook);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        return timedOut(hook);
      }
      return HookRunner.failure(
          hook, "it could not be sent: " + safeMessage(e.getCause(), webhook), List.of());
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return HookRunner.failure(hook, "interrupted", List.of());
    }
    OutputTail tail = new OutputTail();
    response
        .body()
        .lines()
        .forEach(
            line -> {
              HookRunner.LOG.info("{}: {}", hook.name(), line);
              tail.add(line);
            });
    int status = response.statusCode();
    if (status / 100 != 2) {
      String body = response.body().strip();
      String shown = body.substring(0, Math.min(body.length(), SHOWN_BODY_CHARS));
      return HookRunner.failure(
          hook, "HTTP " + status + (shown.isEmpty() ? "" : ": " + shown), tail.lines());
    }
    return HookRunner.success(hook, "HTTP " + status, tail.lines());
  }

  /** The body: {@code {"migration", "hook", "application", "status"}}, empty texts where n/a. */
  private static String body(HookContext context) {
    JsonObject json = new JsonObject();
    json.addProperty("migration", context.migration());
    json.addProperty("hook", context.point().yamlName());
    json.addProperty("application", context.application());
    json.addProperty("status", context.status());
    return GSON.toJson(json);
  }

  private static HookResult timedOut(Hook hook) {
    return HookRunner.failure(
        hook, "no answer within " + GoDuration.format(hook.timeout()), List.of());
  }

  /** The URL as sent: its userinfo goes in the Authorization header instead. */
  private static URI withoutUserInfo(URI url) {
    String port = url.getPort() == -1 ? "" : ":" + url.getPort();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return URI.create(url.getScheme() + "://" + url.getHost() + port + url.getRawPath() + query);
  }

  private static String basicAuthorization(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /** The client's error, with the URL replaced by its redacted form should the message show it. */
  private static String safeMessage(Throwable error, Hook.Webhook webhook) {
    String message =
        error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : ": " + error.getMessage());
    URI url = webhook.url();
    return message
        .replace(url.toString(), webhook.redactedUrl())
        .replace(withoutUserInfo(url).toString(), webhook.redactedUrl());
  }
}
