package dev.tugboat.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream that deflates on several threads, the way pigz does: the data is cut into blocks of
 * {@value #BLOCK_SIZE} bytes, each deflated on its own with the 32 KiB before it as dictionary and
 * ended with a sync flush, so that the blocks join into one ordinary deflate stream, which every
 * gzip reader (Go's, Velero's) reads. Deflating is most of the CPU time of writing a large archive
 * and ran on one core while the others waited; the output is a few bytes per block larger than a
 * single-threaded deflate's, and the same bytes whatever the threads' timing.
 *
 * <p>The deflated blocks are written to the underlying stream, in order, by a thread of their own,
 * so that what that stream does (hashing the archive, writing it to the store) does not hold up the
 * caller either. Memory is bounded: at most two blocks per deflating thread are in flight.
 *
 * <p>Call {@link #finish()} to write the end of the stream; {@link #close()} without it
 * <em>abandons</em> the stream: the blocks not yet written and the gzip trailer are dropped, so the
 * output reads as truncated. Never closes the underlying stream, and never writes to it once {@code
 * finish()} or {@code close()} has returned. Not thread-safe: one thread writes.
 */
final class ParallelGzipOutputStream extends OutputStream {

  /**
   * Bytes per block: large enough that the flush marker (5 bytes a block) and the hand-overs
   * between threads are noise, small enough that the blocks in flight stay a few MiB of heap.
   */
  static final int BLOCK_SIZE = 1 << 20;

  /** Deflate's window: what a block may refer back to. */
  private static final int DICTIONARY_SIZE = 32 * 1024;

  private static final int GZIP_MAGIC = 0x8b1f;
  private static final int EXTRA_FLAGS_FASTEST = 4;
  private static final int OS_UNKNOWN = 255;

  private final OutputStream out;
  private final int level;
  private final ExecutorService deflaters;
  private final ExecutorService writer;
  private final int maxInFlight;

  /** The writes of the blocks submitted and not yet known to be written, oldest first. */
  private final Deque<Future<?>> inFlight = new ArrayDeque<>();

  private final CRC32 crc = new CRC32();
  private byte[] block = new byte[BLOCK_SIZE];
  private int blockLength;
  private byte[] dictionary;
  private long size;
  private boolean ended; // finished or abandoned

  /** Whether writing a block failed; read and written by the writer thread only. */
  private boolean writeFailed;

  /**
   * Writes the gzip header.
   *
   * @param level a {@link Deflater} level
   * @param threads how many threads deflate, at least 1
   */
  ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread must deflate, not " + threads);
    }
    this.out = Objects.requireNonNull(out, "out");
    this.level = level;
    this.deflaters = Executors.newFixedThreadPool(threads, new DaemonThreads("archive-deflate-"));
    this.writer = Executors.newSingleThreadExecutor(new DaemonThreads("archive-write-"));
    this.maxInFlight = 2 * threads;
    writeHeader();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireOpen();
    crc.update(bytes, offset, length);
    size += length;
    while (length > 0) {
      int taken = Math.min(length, BLOCK_SIZE - blockLength);
      System.arraycopy(bytes, offset, block, blockLength, taken);
      blockLength += taken;
      offset += taken;
      length -= taken;
      if (blockLength == BLOCK_SIZE) {
        submitBlock(false);
      }
    }
  }

  /**
   * Waits until the blocks submitted are written, then flushes the underlying stream. The block
   * being filled waits until it is full or {@link #finish()} is called: cutting it short here would
   * make the output depend on when callers flush.
   */
  @Override
  public void flush() throws IOException {
    awaitWrites(0);
    out.flush();
  }

  /** Deflates what is left, writes the end of the deflate stream and the gzip trailer. */
  void finish() throws IOException {
    requireOpen();
    submitBlock(true);
    awaitWrites(0);
    ended = true;
    deflaters.shutdown();
    writer.shutdown();
    writeIntLittleEndian((int) crc.getValue());
    writeIntLittleEndian((int) size);
    out.flush();
  }

  /**
   * Releases the threads; abandons the stream unless {@link #finish()} was called, waiting for a
   * block being written to the underlying stream, if any, so that nothing follows.
   */
  @Override
  public void close() throws IOException {
    ended = true;
    inFlight.forEach(write -> write.cancel(true));
    inFlight.clear();
    deflaters.shutdownNow();
    writer.shutdownNow();
    try {
      writer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while abandoning the archive's gzip stream");
    }
  }

  private void submitBlock(boolean last) throws IOException {
    byte[] input = blockLength == BLOCK_SIZE ? block : Arrays.copyOf(block, blockLength);
    Future<byte[]> deflated = deflaters.submit(deflate(input, dictionary, last));
    inFlight.addLast(writer.submit(() -> writeOut(deflated)));
    if (!last) {
      dictionary = Arrays.copyOfRange(input, input.length - DICTIONARY_SIZE, input.length);
      block = new byte[BLOCK_SIZE];
      blockLength = 0;
    }
    awaitWrites(maxInFlight - 1);
  }

  /**
   * Writes a deflated block to the underlying stream, on the writer thread; after a failure the
   * later blocks are dropped, since the stream has a hole.
   */
  private Void writeOut(Future<byte[]> deflated) throws IOException, InterruptedException {
    if (writeFailed) {
      return null;
    }
    try {
      out.write(deflated.get());
      return null;
    } catch (ExecutionException e) {
      writeFailed = true;
      throw new IOException("deflating a block of the archive failed", e.getCause());
    } catch (IOException | RuntimeException e) {
      writeFailed = true;
      throw e;
    }
  }

  /** Waits until at most {@code pending} submitted blocks are still to be written. */
  private void awaitWrites(int pending) throws IOException {
    while (inFlight.size() > pending) {
      try {
        inFlight.removeFirst().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing the archive");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException) {
          throw (IOException) e.getCause();
        }
        throw new IOException("writing a block of the archive failed", e.getCause());
      }
    }
  }

  /**
   * One block as raw deflate data: ended with a sync flush, so that the next block's data can
   * follow it, or, for the last block, with the end of the stream.
   */
  private Callable<byte[]> deflate(byte[] input, byte[] preset, boolean last) {
    return () -> deflate(level, input, preset, last);
  }

  private static byte[] deflate(int level, byte[] input, byte[] preset, boolean last) {
    Deflater deflater = new Deflater(level, true);
    try {
      if (preset != null) {
        deflater.setDictionary(preset);
      }
      deflater.setInput(input);
      if (last) {
        deflater.finish();
      }
      ByteArrayOutputStream deflated = new ByteArrayOutputStream(input.length / 4 + 64);
      byte[] buffer = new byte[64 * 1024];
      while (true) {
        int written =
            deflater.deflate(
                buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
        deflated.write(buffer, 0, written);
        // A sync flush is complete once it leaves room in the buffer; the end, once finished.
        if (last ? deflater.finished() : written < buffer.length) {
          return deflated.toByteArray();
        }
      }
    } finally {
      deflater.end();
    }
  }

  private void writeHeader() throws IOException {
    out.write(
        new byte[] {
          (byte) GZIP_MAGIC,
          (byte) (GZIP_MAGIC >> 8),
          Deflater.DEFLATED,
          0, // no flags: no name, comment or extra field
          0, // modification time unknown (4 bytes)
          0,
          0,
          0,
          (byte) (level == Deflater.BEST_SPEED ? EXTRA_FLAGS_FASTEST : 0),
          (byte) OS_UNKNOWN
        });
  }

  private void writeIntLittleEndian(int value) throws IOException {
    out.write(
        new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
  }

  private void requireOpen() {
    if (ended) {
      throw new IllegalStateException("the gzip stream is already finished or closed");
    }
  }

  /** Daemon threads, so that an archive abandoned without close() never keeps the JVM alive. */
  private static final class DaemonThreads implements ThreadFactory {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String prefix;

    DaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
