package io.vinyldetective.engine.bot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the engine answers chat commands, from {@code vinyl-detective.bot.*}.
 *
 * @param allowedChats        comma-separated chat ids that may use the bot, or {@code *} for everyone;
 *                            empty: nobody ({@code TELEGRAM_ALLOWED_CHATS})
 * @param maxSearchesPerChat  how many searches one chat may save
 * @param commandsPerMinute   how many commands one chat may send per minute; more are refused
 * @param defaultThreshold    the deal threshold of a new search (0.25 = 25 % under the reference)
 * @param pollInterval        how often a new search is polled
 * @param currency            the currency of {@code max:} prices
 */
@ConfigurationProperties(BotSettings.PREFIX)
public record BotSettings(
        @Bindable(defaultValue = "") String allowedChats,
        @Bindable(defaultValue = "10") int maxSearchesPerChat,
        @Bindable(defaultValue = "20") int commandsPerMinute,
        @Bindable(defaultValue = "0.25") double defaultThreshold,
        @Bindable(defaultValue = "30m") Duration pollInterval,
        @Bindable(defaultValue = "USD") String currency) {

    public static final String PREFIX = "vinyl-detective.bot";

    public BotSettings {
        allowedChats = allowedChats == null ? "" : allowedChats.strip();
        if (maxSearchesPerChat < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-searches-per-chat must be at least 1");
        }
        if (commandsPerMinute < 1) {
            throw new IllegalArgumentException(PREFIX + ".commands-per-minute must be at least 1");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            pollInterval = Duration.ofMinutes(15);
        }
        currency = currency == null || currency.isBlank() ? "USD" : currency.strip();
    }

    /** Settings for an allowlist (or {@code *}) with every other value at its default. */
    public static BotSettings allowing(String allowedChats) {
        return new BotSettings(allowedChats, 10, 20, 0.25, Duration.ofMinutes(15), "EUR");
    }

    /** True when {@code allowedChats} is {@code *}. */
    public boolean open() {
        return allowedChats.equals("*");
    }

    /** The allowlisted chat ids (empty in open mode). */
    public Set<String> allowlist() {
        return open() ? Set.of() : Arrays.stream(allowedChats.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The owner's chat: the first id of {@code allowedChats}, whose subscriber follows {@code DISCOGS_USERNAME}'s
     * wantlist; empty in open mode or with nobody allowed.
     */
    public Optional<String> ownerChat() {
        return open() ? Optional.empty() : Arrays.stream(allowedChats.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).findFirst();
    }

    /** Whether a chat may use the bot. */
    public boolean allows(String chatId) {
        return open() || allowlist().contains(chatId);
    }
}
