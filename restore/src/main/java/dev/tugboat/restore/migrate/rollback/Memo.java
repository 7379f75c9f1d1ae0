package dev.tugboat.restore.migrate.rollback;

import java.util.function.Supplier;

/**
 * A value made on first use and kept: the steps of one run share the migration's records and the
 * clusters' clients without reaching a cluster before a step needs it (a refused rollback reaches
 * none).
 */
final class Memo<T> implements Supplier<T> {

  private final Supplier<T> maker;
  private T value;

  Memo(Supplier<T> maker) {
    this.maker = maker;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = maker.get();
    }
    return value;
  }
}
