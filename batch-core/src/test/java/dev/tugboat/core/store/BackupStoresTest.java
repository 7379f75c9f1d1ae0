package dev.tugboat.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupStoresTest {

  @Test
  void aFileUriOpensALocalStore(@TempDir Path folder) {
    BackupStore store = BackupStores.open(folder.toUri().toString());

    assertThat(store).isInstanceOf(LocalBackupStore.class);
    assertThat(store.location()).isEqualTo(folder.toAbsolutePath().normalize().toString());
  }

  @Test
  void anS3StoreWithoutCredentialsFailsBeforeConnecting() {
    StoreLocation location = StoreLocation.parse("s3://backups?endpoint=http://127.0.0.1:1");

    assertThatThrownBy(() -> BackupStores.open(location, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("no S3 credentials");
  }
}
