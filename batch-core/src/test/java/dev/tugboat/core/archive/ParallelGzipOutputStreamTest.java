package dev.tugboat.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ParallelGzipOutputStreamTest {

  /** Three and a half blocks of JSON-like text with some noise, so that blocks refer back. */
  private static byte[] data() {
    StringBuilder text = new StringBuilder();
    Random random = new Random(42);
    while (text.length()
        < 3 * ParallelGzipOutputStream.BLOCK_SIZE + ParallelGzipOutputStream.BLOCK_SIZE / 2) {
      text.append("{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-")
          .append(random.nextInt(100_000))
          .append("\"}}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data, int threads, int writeSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, Deflater.BEST_SPEED, threads);
    for (int offset = 0; offset < data.length; offset += writeSize) {
      gzip.write(data, offset, Math.min(writeSize, data.length - offset));
      if (offset % (7 * writeSize) == 0) {
        gzip.flush();
      }
    }
    gzip.finish();
    gzip.close();
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  @Test
  void writesOneGzipStreamThatReadsBackAsTheData() throws IOException {
    byte[] data = data();

    byte[] gzipped = gzip(data, 3, 10_000);

    assertThat(gunzip(gzipped)).isEqualTo(data);
    assertThat(gzipped.length).isLessThan(data.length / 2);
  }

  @Test
  void writesTheSameBytesWhateverTheThreadsAndTheWritesAndFlushes() throws IOException {
    byte[] data = data();

    assertThat(gzip(data, 1, 1_000_000)).isEqualTo(gzip(data, 4, 3_333));
  }

  @Test
  void writesAValidStreamForNoData() throws IOException {
    assertThat(gunzip(gzip(new byte[0], 2, 1))).isEmpty();
  }

  @Test
  void aFailingUnderlyingStreamFailsTheWritesThatFollow() throws IOException {
    byte[] data = data();
    IOException diskFull = new IOException("no space left on device");
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw diskFull;
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            throw diskFull;
          }
        };
    ParallelGzipOutputStream gzip =
        new ParallelGzipOutputStream(new BufferedOutputStream(failing, 64), Deflater.BEST_SPEED, 2);

    assertThatThrownBy(
            () -> {
              gzip.write(data, 0, data.length);
              gzip.finish();
            })
        .isSameAs(diskFull);
    gzip.close();
  }

  @Test
  void anAbandonedStreamReadsAsTruncated() throws IOException {
    byte[] data = data();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, Deflater.BEST_SPEED, 2);
    gzip.write(data, 0, data.length);

    gzip.close();

    assertThatThrownBy(() -> gunzip(out.toByteArray())).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> gzip.write(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the gzip stream is already finished or closed");
  }
}
