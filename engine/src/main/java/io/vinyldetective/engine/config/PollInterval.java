package io.vinyldetective.engine.config;

import io.micronaut.core.convert.ConversionService;
import io.vinyldetective.engine.bot.BotSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POLL_INTERVAL}, read strictly: a number and a unit ({@code 3s}, {@code 30m}, {@code 2h}).
 * Anything else is a problem to tell the operator about, rather than an interval silently replaced
 * by a default: {@code run} refuses to start with it, {@code doctor} flags it.
 */
public final class PollInterval {

    /** The configuration property {@code POLL_INTERVAL} sets. */
    public static final String PROPERTY = BotSettings.PREFIX + ".poll-interval";

    private PollInterval() {
    }

    /**
     * What is wrong with the configured interval, in words, or empty when it is fine (or not set).
     *
     * @param setting the raw property value by name (e.g. {@code environment::getProperty} as String)
     */
    public static Optional<String> problem(Function<String, Optional<String>> setting, ConversionService conversions) {
        Optional<String> text = setting.apply(PROPERTY).map(String::strip);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        Optional<Duration> interval = Character.isLetter(value.charAt(value.length() - 1))
                ? conversions.convert(value, Duration.class) : Optional.empty();
        if (interval.isEmpty()) {
            return Optional.of("POLL_INTERVAL '" + value + "' is not a duration: write a number and a unit, such as 30s, "
                    + "30m or 2h. " + EnvironmentNames.whereToSet() + ".");
        }
        if (interval.get().isZero() || interval.get().isNegative()) {
            return Optional.of("POLL_INTERVAL '" + value + "' must be longer than zero, such as 30m.");
        }
        return Optional.empty();
    }
}
