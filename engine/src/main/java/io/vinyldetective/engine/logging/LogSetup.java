package io.vinyldetective.engine.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's logging, set up in code (found by Logback through {@code META-INF/services}):
 * parsing an XML configuration costs a few hundred milliseconds of start-up on a Pi.
 *
 * <p>One line per event on stderr (stdout is for command output), secrets masked
 * ({@link SecretMasker}); our loggers at {@code VD_LOG_LEVEL} (default INFO), libraries at WARN.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %mask%n%maskedEx";

    @Override
    @SuppressWarnings("unchecked")
    public ExecutionStatus configure(LoggerContext context) {
        Map<String, String> rules = (Map<String, String>) context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        if (rules == null) {
            rules = new java.util.HashMap<>();
            context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, rules);
        }
        rules.put("mask", MaskingMessageConverter.class.getName());
        rules.put("maskedEx", MaskingThrowableConverter.class.getName());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Level ours = Level.toLevel(System.getenv().getOrDefault("VD_LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT), Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("io.vinyldetective").setLevel(ours);
        context.getLogger("plugin").setLevel(ours);
        context.getLogger("org.pf4j").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
