package dev.tugboat.runner;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Sets the format of the log lines on standard error, the {@code STDERR} appender of {@code
 * logback-spring.xml}. The format is a command-line option, known only once the application has
 * started, so it is set before each command runs rather than in the configuration file.
 */
final class LogLines {

  /** The same as {@code logback-spring.xml}'s, which formats the lines logged at start-up. */
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  private static final String APPENDER = "STDERR";

  private LogLines() {}

  static void use(LogFormat format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (!(appender instanceof ConsoleAppender<ILoggingEvent> console)) {
      // Another logging configuration (a test's, an operator's) owns the format.
      return;
    }
    Encoder<ILoggingEvent> encoder = format == LogFormat.json ? json() : text();
    encoder.setContext(context);
    encoder.start();
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }

  private static Encoder<ILoggingEvent> text() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(TEXT_PATTERN);
    return encoder;
  }

  /**
   * Each line: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code
   * loggerName}, {@code formattedMessage} and, with an exception, {@code throwable}. The message's
   * arguments, the MDC and logback's context are left out: the message already holds what is meant
   * to be read.
   */
  private static Encoder<ILoggingEvent> json() {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMDC(false);
    encoder.setWithKVPList(false);
    encoder.setWithMarkers(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    return encoder;
  }
}
