package io.vinyldetective.engine.config;

import io.micronaut.core.convert.ConversionService;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.polling.PollSettings;
import io.vinyldetective.engine.wants.WantSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POLL_INTERVAL}, {@code WANTLIST_POLL_INTERVAL} and {@code AUCTION_ALERT_BEFORE}, read strictly: a number and a unit ({@code 3s},
 * {@code 30m}, {@code 2h}).
 * Anything else is a problem to tell the operator about, rather than an interval silently replaced
 * by a default: {@code run} refuses to start with it, {@code doctor} flags it.
 */
public final class PollInterval {

    /** The configuration property {@code POLL_INTERVAL} sets. */
    public static final String PROPERTY = BotSettings.PREFIX + ".poll-interval";
    /** The configuration property {@code WANTLIST_POLL_INTERVAL} sets. */
    public static final String WANTS_PROPERTY = WantSettings.PREFIX + ".poll-interval";
    /** The configuration property {@code AUCTION_ALERT_BEFORE} sets. */
    public static final String AUCTION_PROPERTY = PollSettings.AUCTION_ALERT_BEFORE;

    private PollInterval() {
    }

    /**
     * What is wrong with the configured intervals, in words (the first problem), or empty when they are
     * fine (or not set).
     *
     * @param setting the raw property value by name (e.g. {@code environment::getProperty} as String)
     */
    public static Optional<String> problem(Function<String, Optional<String>> setting, ConversionService conversions) {
        return problemOf(PROPERTY, setting, conversions).or(() -> problemOf(WANTS_PROPERTY, setting, conversions))
                .or(() -> problemOf(AUCTION_PROPERTY, setting, conversions));
    }

    /** What is wrong with one of the durations ({@link #PROPERTY}, {@link #WANTS_PROPERTY}, {@link #AUCTION_PROPERTY}), or empty. */
    public static Optional<String> problemOf(String property, Function<String, Optional<String>> setting,
                                             ConversionService conversions) {
        String variable = EnvironmentNames.of(property);
        Optional<String> text = setting.apply(property).map(String::strip);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        Optional<Duration> interval = Character.isLetter(value.charAt(value.length() - 1))
                ? conversions.convert(value, Duration.class) : Optional.empty();
        if (interval.isEmpty()) {
            return Optional.of(variable + " '" + value + "' is not a duration: write a number and a unit, such as 30s, "
                    + "30m or 2h. " + EnvironmentNames.whereToSet() + ".");
        }
        if (interval.get().isZero() || interval.get().isNegative()) {
            return Optional.of(variable + " '" + value + "' must be longer than zero, such as 30m.");
        }
        return Optional.empty();
    }
}
