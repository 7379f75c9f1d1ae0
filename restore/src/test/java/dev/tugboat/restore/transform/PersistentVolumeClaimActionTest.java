package dev.tugboat.restore.transform;

import static dev.tugboat.restore.transform.TestItems.apply;
import static dev.tugboat.restore.transform.TestItems.context;
import static dev.tugboat.restore.transform.TestItems.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimActionTest {

  private final PersistentVolumeClaimAction action = new PersistentVolumeClaimAction();

  private static final String CLAIM =
      """
      {'metadata':{'name':'data','namespace':'shop','annotations':{
         'pv.kubernetes.io/bind-completed':'yes','pv.kubernetes.io/bound-by-controller':'yes',
         'volume.kubernetes.io/storage-provisioner':'ebs.csi.aws.com',
         'volume.beta.kubernetes.io/storage-provisioner':'ebs.csi.aws.com',
         'volume.kubernetes.io/selected-node':'node-1','velero.io/volume-snapshot-name':'s',
         'velero.io/data-upload-name':'d','team':'a'}},
       'spec':{'volumeName':'pv-1','storageClassName':'gp3'}}
      """;

  @Test
  void removesTheBindingAndProvisioningAnnotationsAndKeepsARestoredVolume() {
    var applied = apply(action, json(CLAIM), context());

    assertThat(applied.skipReason()).isNull();
    assertThat(applied.item())
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'data','namespace':'shop','annotations':{'team':'a'}},
                 'spec':{'volumeName':'pv-1','storageClassName':'gp3'}}
                """));
  }

  @Test
  void dropsTheVolumeNameWhenTheVolumeIsReprovisioned() {
    var plan =
        VolumePlan.of(
            List.of(
                json(
                    "{'metadata':{'name':'pv-1'},'spec':{'persistentVolumeReclaimPolicy':'Retain'}}")),
            Map.of("pv-1", VolumeBackupMethod.POD_VOLUME_BACKUP),
            volume -> false);
    var context =
        new RestoreContext(
            "b1", "r1", Map.of(), Set.of(), false, ExistingServiceAccounts.NONE, plan);

    var applied = apply(action, json(CLAIM), context);

    assertThat(applied.item().getAsJsonObject("spec"))
        .isEqualTo(json("{'storageClassName':'gp3'}"));
  }

  @Test
  void keepsTheVolumeNameWhenTheTargetStillHasTheVolumeWaitingForTheClaim() {
    // reclaim policy Delete, data not backed up: re-provisioned, were it not still there
    var plan =
        VolumePlan.of(
            List.of(
                json(
                    "{'metadata':{'name':'pv-1'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}")),
            Map.of(),
            volume -> true);
    var context =
        new RestoreContext(
            "b1", "r1", Map.of(), Set.of(), false, ExistingServiceAccounts.NONE, plan);

    var applied = apply(action, json(CLAIM), context);

    assertThat(applied.item().getAsJsonObject("spec"))
        .isEqualTo(json("{'volumeName':'pv-1','storageClassName':'gp3'}"));
  }

  @Test
  void leavesAClaimWithoutThoseAnnotationsAlone() {
    var claim =
        json(
            "{'metadata':{'name':'data','annotations':{'team':'a'}},'spec':{'volumeName':'pv-1'}}");

    assertThat(apply(action, claim, context()).item()).isEqualTo(claim);
  }
}
