package dev.tugboat.restore.ledger;

import java.io.IOException;

/** Receives ledger entries one by one, in the order they were recorded. */
@FunctionalInterface
public interface LedgerConsumer {

  void accept(LedgerEntry entry) throws IOException;
}
