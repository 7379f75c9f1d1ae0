package dev.tugboat.backup.staging;

import java.io.IOException;

/** Receives staged items one by one, as a chunk is read back. */
@FunctionalInterface
public interface StagedItemConsumer {

  void accept(StagedItem item) throws IOException;
}
