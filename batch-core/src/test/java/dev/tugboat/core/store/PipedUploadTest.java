package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PipedUploadTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void theUploadReceivesExactlyWhatTheBodyWrote() throws IOException {
    String[] written = new String[1];
    String[] received = new String[1];

    PipedUpload.run(
        "test-upload",
        out -> written[0] = RandomBytes.write(out, 5 * MIB, 11),
        in -> received[0] = sha256(in));

    assertThat(received[0]).isEqualTo(written[0]);
  }

  @Test
  void aFailedBodyMakesTheUploadFailAtTheEndOfTheStream() {
    IllegalStateException bodyFailure = new IllegalStateException("no more items");
    List<String> uploadSaw = new ArrayList<>();

    assertThatThrownBy(
            () ->
                PipedUpload.run(
                    "test-upload",
                    out -> {
                      out.write(new byte[] {1, 2, 3});
                      out.close(); // a closed stream must not pass for a complete body
                      throw bodyFailure;
                    },
                    in -> {
                      try {
                        uploadSaw.add("read " + in.readAllBytes().length + " bytes");
                      } catch (IOException e) {
                        uploadSaw.add(e.getMessage());
                        throw new UncheckedIOException(e);
                      }
                    }))
        .isSameAs(bodyFailure);

    assertThat(uploadSaw)
        .containsExactly("upload cancelled: the body failed before completing the object");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // turns the hang this test is about into a failure
  void aFailedUploadMakesTheBodyFailInsteadOfBlocking() {
    StoreException uploadFailure = new StoreException("bucket went away");

    assertThatThrownBy(
            () ->
                PipedUpload.run(
                    "test-upload",
                    out -> RandomBytes.write(out, 64 * MIB, 13),
                    in -> {
                      throw uploadFailure;
                    }))
        .isSameAs(uploadFailure);

    assertThat(uploadFailure.getSuppressed()).singleElement().isInstanceOf(IOException.class);
  }

  private static String sha256(InputStream in) {
    try {
      return RandomBytes.sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
