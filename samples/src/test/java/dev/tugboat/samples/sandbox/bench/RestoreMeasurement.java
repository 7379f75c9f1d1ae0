package dev.tugboat.samples.sandbox.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * One timed {@code tugboat restore create} of the benchmark's backup into an empty sandbox.
 *
 * @param parallelism the command's {@code --parallelism}: objects applied at once
 * @param objects the backed-up objects found in the target afterwards, labelled with the restore's
 *     name
 * @param nanos wall-clock time of the command, from its JVM's start to its exit
 * @param requests API requests the target served meanwhile
 * @param requestsByVerb the same requests by verb ({@code create}, {@code get}, {@code list}...)
 */
record RestoreMeasurement(
    int parallelism, long objects, long nanos, long requests, Map<String, Long> requestsByVerb) {

  RestoreMeasurement {
    requestsByVerb = new TreeMap<>(requestsByVerb);
  }

  double seconds() {
    return nanos / 1e9;
  }

  double objectsPerSecond() {
    return objects / seconds();
  }

  double requestsPerObject() {
    return (double) requests / objects;
  }
}
