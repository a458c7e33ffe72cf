package io.vinyldetective.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in a currency (ISO 4217 code). Amounts of different currencies are never added or
 * compared: the engine asks sources for the user's currency instead of converting.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: '" + currency + "'");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(double amount, String currency) {
        return new Money(BigDecimal.valueOf(amount), currency);
    }

    /** The sum, or an exception when the currencies differ. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public boolean sameCurrency(Money other) {
        return other != null && currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrency(other)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + (other == null ? null : other.currency));
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
