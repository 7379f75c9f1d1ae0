package dev.tugboat.core.jobs;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The beans that start jobs restartably. Import it next to Spring Boot's JDBC batch
 * auto-configuration, which provides the {@link JobOperator} and {@link JobRepository} on the
 * application {@link DataSource}; the lease table lives in that same database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobRunProperties.class)
public class JobsConfiguration {

  @Bean
  RunLeaseRepository runLeaseRepository(DataSource dataSource) {
    RunLeaseRepository leases = new RunLeaseRepository(new JdbcTemplate(dataSource));
    leases.createTableIfMissing();
    return leases;
  }

  @Bean
  JobRunStarter jobRunStarter(
      JobOperator jobOperator,
      JobRepository jobRepository,
      RunLeaseRepository leases,
      JobRunProperties properties) {
    return new JobRunStarter(
        jobOperator, jobRepository, leases, properties, Clock.systemDefaultZone());
  }
}
