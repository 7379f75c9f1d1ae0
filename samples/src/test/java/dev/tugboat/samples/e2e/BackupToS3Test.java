package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.testing.S3ProxyServer;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full backup to an S3 store (S3Proxy over HTTP, path-style, credentials from an AWS-style file
 * as Velero's are), read back from the bucket itself.
 */
class BackupToS3Test {

  private static final String BUCKET = "velero";
  private static final String PREFIX = "cluster-a";

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.seed(Seeds.named("generated:3x40")).simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @TempDir static Path folder;

  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start(Files.createDirectory(folder.resolve("blobs")));
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.stop();
  }

  @Test
  void aFullBackupInABucketHoldsExactlyWhatTheClusterLists() throws Exception {
    Path credentials =
        Files.writeString(
            folder.resolve("credentials"),
            "[default]\naws_access_key_id = "
                + S3ProxyServer.ACCESS_KEY
                + "\naws_secret_access_key = "
                + S3ProxyServer.SECRET_KEY
                + "\n");
    String store =
        "s3://"
            + BUCKET
            + "/"
            + PREFIX
            + "?endpoint="
            + s3.endpoint()
            + "&region="
            + S3ProxyServer.REGION
            + "&pathStyle=true&credentialsFile="
            + credentials;

    RunnerFixture.Result result =
        tugboat.run(
            "backup",
            "create",
            "to-s3",
            "--include-cluster-resources",
            "true",
            "--kubeconfig",
            sandbox.kubeconfig().toString(),
            "--store",
            store);

    assertThat(result.exitCode()).as(result.err()).isZero();
    VeleroArchiveCheck.CheckedBackup backup =
        VeleroArchiveCheck.check(StoreContents.ofBucket(s3.client(), BUCKET, PREFIX), "to-s3");
    assertThat(backup.phase()).isEqualTo("Completed");
    assertThat(backup.groupResources()).contains("configmaps", "secrets", "deployments.apps");
    BackupContentsTest.assertSameItems(backup, new SandboxInventory(sandbox.url()).items());
    assertThat(s3.incompleteUploads(BUCKET)).isEmpty();
  }
}
