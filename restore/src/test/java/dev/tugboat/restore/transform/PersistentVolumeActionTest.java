package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersistentVolumeActionTest {

  private final PersistentVolumeAction action = new PersistentVolumeAction();

  private static JsonObject volume(String reclaimPolicy) {
    return json(
        """
        {'metadata':{'name':'pv-1','annotations':{'pv.kubernetes.io/bound-by-controller':'yes',
           'pv.kubernetes.io/bind-completed':'yes','pv.kubernetes.io/provisioned-by':'ebs.csi.aws.com'}},
         'spec':{'persistentVolumeReclaimPolicy':'%s','claimRef':{'kind':'PersistentVolumeClaim',
           'namespace':'shop','name':'data','uid':'u-1','resourceVersion':'7'}}}
        """
            .formatted(reclaimPolicy));
  }

  private static RestoreContext backedUpBy(VolumeBackupMethod method, JsonObject volume) {
    return new RestoreContext(
        "b1",
        "r1",
        Map.of(),
        Set.of(),
        false,
        ExistingServiceAccounts.NONE,
        VolumePlan.of(List.of(volume), Map.of("pv-1", method), pv -> false));
  }

  @Test
  void restoresARetainedVolumeAsIsWithItsClaimMappedAndItsBindingReset() {
    var applied = apply(action, volume("Retain"), context(Map.of("shop", "shop2")));

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'pv-1','annotations':{'pv.kubernetes.io/provisioned-by':'ebs.csi.aws.com'}},
                 'spec':{'persistentVolumeReclaimPolicy':'Retain','claimRef':{'kind':'PersistentVolumeClaim',
                   'namespace':'shop2','name':'data'}}}
                """));
  }

  @Test
  void leavesAnUnclaimedRetainedVolumeWithoutBindingAnnotationsAlone() {
    var unclaimed =
        json("{'metadata':{'name':'pv-1'},'spec':{'persistentVolumeReclaimPolicy':'Retain'}}");

    var applied = apply(action, unclaimed, context(Map.of("shop", "shop2")));

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item()).isEqualTo(unclaimed);
  }

  @Test
  void doesNotRestoreAnUnbackedUpVolumeThatWouldBeDeleted() {
    assertThat(apply(action, volume("Delete"), context()).skipReason())
        .isEqualTo(
            "dynamically re-provisioned, empty: its data was not backed up and its reclaim policy"
                + " is Delete");
  }

  @Test
  void doesNotRestoreAVolumeWhoseDataComesFromAPodVolumeBackupOrACsiSnapshot() {
    var retained = volume("Retain");

    assertThat(
            apply(action, retained, backedUpBy(VolumeBackupMethod.POD_VOLUME_BACKUP, retained))
                .skipReason())
        .isEqualTo("dynamically re-provisioned: its data is restored from a pod volume backup");
    assertThat(
            apply(action, retained, backedUpBy(VolumeBackupMethod.CSI_SNAPSHOT, retained))
                .skipReason())
        .isEqualTo("dynamically re-provisioned: its data is restored from a CSI snapshot");
  }

  @Test
  void doesNotRestoreAVolumeWithANativeSnapshot() {
    var deleted = volume("Delete");

    assertThat(
            apply(action, deleted, backedUpBy(VolumeBackupMethod.NATIVE_SNAPSHOT, deleted))
                .skipReason())
        .isEqualTo(
            "its data is in a native volume snapshot, which only Velero's volume snapshotter"
                + " plugins can restore");
  }

  @Test
  void thePlanTellsWhichVolumesAreReprovisioned() {
    var plan =
        VolumePlan.of(
            List.of(
                json(
                    "{'metadata':{'name':'deleted'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}"),
                json(
                    "{'metadata':{'name':'retained'},'spec':{'persistentVolumeReclaimPolicy':'Retain'}}"),
                json(
                    "{'metadata':{'name':'fs'},'spec':{'persistentVolumeReclaimPolicy':'Retain'}}"),
                json(
                    "{'metadata':{'name':'snap'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}")),
            Map.of(
                "fs",
                VolumeBackupMethod.POD_VOLUME_BACKUP,
                "snap",
                VolumeBackupMethod.NATIVE_SNAPSHOT),
            volume -> false);

    assertThat(plan.isReprovisioned("deleted")).isTrue();
    assertThat(plan.isReprovisioned("retained")).isFalse();
    assertThat(plan.isReprovisioned("fs")).isTrue();
    assertThat(plan.isReprovisioned("snap")).isFalse();
    assertThat(plan.isReprovisioned("not-in-backup")).isFalse();
  }

  @Test
  void aVolumeTheTargetStillHasWaitingForItsClaimIsNeitherReprovisionedNorRestored() {
    JsonObject kept =
        json("{'metadata':{'name':'kept'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}");
    var plan =
        VolumePlan.of(
            List.of(
                kept,
                json(
                    "{'metadata':{'name':'gone'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}")),
            Map.of(),
            volume -> volume == kept);
    var context =
        new RestoreContext(
            "b1", "r1", Map.of(), Set.of(), false, ExistingServiceAccounts.NONE, plan);

    assertThat(plan.isReprovisioned("kept")).isFalse();
    assertThat(plan.waitsInTarget("kept")).isTrue();
    assertThat(plan.isReprovisioned("gone")).isTrue();
    assertThat(plan.waitsInTarget("gone")).isFalse();
    assertThat(apply(action, kept, context).skipReason())
        .isEqualTo("the target cluster has it, waiting for its claim");
  }
}
