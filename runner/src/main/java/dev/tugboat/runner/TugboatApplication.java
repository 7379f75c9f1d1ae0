package dev.tugboat.runner;

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
    System.exit(run(args));
  }

  static int run(String[] args) {
    ConfigurableApplicationContext context;
    try {
      context = new SpringApplicationBuilder(TugboatApplication.class).run();
    } catch (RuntimeException e) {
      System.err.println("tugboat: cannot start: " + ExitCodes.reason(e));
      return ExitCodes.forStartupFailure(e);
    }
    try (context) {
      return context.getBean(TugboatCli.class).execute(args);
    }
  }
}
