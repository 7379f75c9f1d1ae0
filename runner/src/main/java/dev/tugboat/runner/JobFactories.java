package dev.tugboat.runner;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The factories that build Tugboat's jobs on the application's job repository. */
@Configuration(proxyBeanMethods = false)
class JobFactories {

  @Bean
  BackupJobFactory backupJobFactory(
      JobRepository jobRepository, PlatformTransactionManager transactionManager) {
    return new BackupJobFactory(
        jobRepository, transactionManager, new ClusterConnector(), Clock.systemUTC());
  }

  @Bean
  MigrationJobFactory migrationJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JobRunStarter starter,
      BackupJobFactory backups,
      RestoreJobFactory restores,
      RollbackJobFactory rollbacks,
      @Value("${tugboat.migration.poll-interval:2s}") Duration pollInterval,
      @Value("${tugboat.migration.shortage-grace:30s}") Duration shortageGrace) {
    return new MigrationJobFactory(
        jobRepository,
        transactionManager,
        starter,
        backups,
        restores,
        rollbacks,
        new ClusterConnector(),
        Clock.systemUTC(),
        new MigrationJobFactory.Readiness(pollInterval, shortageGrace));
  }

  @Bean
  MigrationRollbackJobFactory migrationRollbackJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JobRunStarter starter,
      RestoreJobFactory restores,
      RollbackJobFactory rollbacks,
      @Value("${tugboat.migration.poll-interval:2s}") Duration pollInterval) {
    return new MigrationRollbackJobFactory(
        jobRepository,
        transactionManager,
        starter,
        restores,
        rollbacks,
        new ClusterConnector(),
        Clock.systemUTC(),
        pollInterval);
  }

  @Bean
  RestoreJobFactory restoreJobFactory(
      JobRepository jobRepository, PlatformTransactionManager transactionManager) {
    return new RestoreJobFactory(
        jobRepository, transactionManager, new ClusterConnector(), Clock.systemUTC());
  }

  @Bean
  RollbackJobFactory rollbackJobFactory(
      JobRepository jobRepository, PlatformTransactionManager transactionManager) {
    return new RollbackJobFactory(
        jobRepository, transactionManager, new ClusterConnector(), Clock.systemUTC());
  }
}
