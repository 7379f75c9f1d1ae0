package dev.tugboat.runner;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.JobsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The {@code tugboat} command. Spring Boot wires the jobs and the job repository; picocli parses
 * the command line.
 *
 * <p>Spring never sees the arguments: picocli owns them, so {@code --context=x} is never mistaken
 * for a Spring property, and a usage error cannot stop the application from starting.
 */
@SpringBootApplication
@Import(JobsConfiguration.class)
public class TugboatApplication {

  public static void main(String[] args) {
    BackgroundRun.awaitStarterExit();
    StopOnTermination termination = StopOnTermination.install();
    termination.exit(run(args, termination));
  }

  static int run(String[] args, StopOnTermination termination) {
    ConfigurableApplicationContext context;
    try {
      // Closed below; on SIGTERM, StopOnTermination must find the job repository open.
      context =
          new SpringApplicationBuilder(TugboatApplication.class).registerShutdownHook(false).run();
      termination.stopRunsOf(context.getBean(JobRunStarter.class));
    } catch (RuntimeException e) {
      System.err.println("tugboat: cannot start: " + ExitCodes.reason(e));
      return ExitCodes.forStartupFailure(e);
    }
    try (context) {
      return context.getBean(TugboatCli.class).execute(args);
    }
  }
}
