package dev.tugboat.runner;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.restore.job.RestoreJobFactory;
import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
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
  RestoreJobFactory restoreJobFactory(
      JobRepository jobRepository, PlatformTransactionManager transactionManager) {
    return new RestoreJobFactory(
        jobRepository, transactionManager, new ClusterConnector(), Clock.systemUTC());
  }
}
