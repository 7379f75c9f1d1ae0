package dev.tugboat.samples.sandbox.seed;

import com.google.gson.JsonObject;
import java.util.stream.Stream;

/** The seed named {@code empty}: a cluster with nothing but what the sandbox itself creates. */
public final class EmptySeed implements Seed {

  @Override
  public String name() {
    return "empty";
  }

  @Override
  public Stream<JsonObject> objects() {
    return Stream.empty();
  }
}
