package dev.tugboat.core.store;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a body on the caller's thread and an upload of the bytes it writes on another thread, joined
 * by a pipe, so an object of unknown size is uploaded with bounded memory.
 *
 * <p>The upload sees a clean end of stream only if the body returned normally. If the body fails,
 * the upload's read at the end of the pipe fails too, so it never completes a truncated object (a
 * multipart upload is aborted by the client); once the upload has finished, the body's exception is
 * rethrown. If the upload fails first, it closes the pipe so the body's next write fails instead of
 * blocking for ever, and the upload's exception is thrown.
 */
final class PipedUpload {

  /** Consumes the whole stream; runs on the upload thread and reports failures unchecked. */
  @FunctionalInterface
  interface Upload {
    void run(InputStream in);
  }

  private static final int PIPE_SIZE = 1024 * 1024;
  private static final int BUFFER_SIZE = 64 * 1024;

  private PipedUpload() {}

  static void run(String threadName, BodyWriter body, Upload upload) throws IOException {
    PipedOutputStream pipeOut = new PipedOutputStream();
    PipedInputStream pipeIn = new PipedInputStream(pipeOut, PIPE_SIZE);
    AtomicBoolean bodyCompleted = new AtomicBoolean();
    CompletableFuture<Void> uploadResult = new CompletableFuture<>();
    Thread uploader =
        new Thread(
            () ->
                runUpload(
                    upload, new BodyEndCheckingInputStream(pipeIn, bodyCompleted), uploadResult),
            threadName);
    uploader.setDaemon(true);
    uploader.start();
    try {
      OutputStream out = new BufferedOutputStream(pipeOut, BUFFER_SIZE);
      body.writeTo(new NonClosingOutputStream(out));
      out.flush();
    } catch (Throwable bodyFailure) {
      if (uploadResult.isCompletedExceptionally()) {
        // The upload failed first and closed the pipe, which is what made the body fail.
        RuntimeException uploadFailure = failureOf(uploadResult);
        uploadFailure.addSuppressed(bodyFailure);
        throw uploadFailure;
      }
      pipeOut.close();
      awaitQuietly(uploadResult);
      throw bodyFailure;
    }
    bodyCompleted.set(true);
    pipeOut.close();
    RuntimeException uploadFailure = failureOf(uploadResult);
    if (uploadFailure != null) {
      throw uploadFailure;
    }
  }

  private static void runUpload(Upload upload, InputStream in, CompletableFuture<Void> result) {
    try {
      upload.run(in);
      result.complete(null);
    } catch (Throwable e) {
      result.completeExceptionally(e);
    } finally {
      // Only after the result is set: the body must be able to tell why its next write fails.
      try {
        in.close();
      } catch (IOException e) {
        // PipedInputStream.close does not actually fail.
      }
    }
  }

  private static void awaitQuietly(CompletableFuture<Void> uploadResult) {
    failureOf(uploadResult);
  }

  /** Waits for the upload; its failure, or null if it succeeded. */
  private static RuntimeException failureOf(CompletableFuture<Void> uploadResult) {
    try {
      uploadResult.join();
      return null;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      // Upload.run throws nothing checked; anything else would be a sneaky throw.
      return cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new StoreException("upload failed", cause);
    }
  }

  /**
   * The upload's end of the pipe: reaching the end of the stream is an error unless the body
   * completed.
   */
  private static final class BodyEndCheckingInputStream extends FilterInputStream {

    private final AtomicBoolean bodyCompleted;

    BodyEndCheckingInputStream(InputStream in, AtomicBoolean bodyCompleted) {
      super(in);
      this.bodyCompleted = bodyCompleted;
    }

    @Override
    public int read() throws IOException {
      return checked(super.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return checked(super.read(bytes, offset, length));
    }

    private int checked(int result) throws IOException {
      if (result < 0 && !bodyCompleted.get()) {
        throw new IOException("upload cancelled: the body failed before completing the object");
      }
      return result;
    }
  }
}
