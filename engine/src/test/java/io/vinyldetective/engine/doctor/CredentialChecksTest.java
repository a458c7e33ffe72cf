package io.vinyldetective.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vinyldetective.engine.http.LoopbackServer;
import io.vinyldetective.engine.http.LoopbackServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answers the doctor's credential calls can get besides yes and no. */
class CredentialChecksTest {

    private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";

    /** Long enough that a loaded machine answers in time; the time-out itself is checked with {@link #impatient}. */
    private final CredentialChecks checks = new CredentialChecks(Duration.ofSeconds(5), "VinylDetective/test (doctor)");
    private final CredentialChecks impatient = new CredentialChecks(Duration.ofMillis(300), "VinylDetective/test (doctor)");
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return server.uri("").toString();
    }

    @Test
    void aServiceThatConnectsButDoesNotAnswerInTimeIsSaidSo() {
        server.otherwise(Answer.of(200, "{}").after(Duration.ofSeconds(2)));
        Check check = impatient.discogs(base(), "token-0123456789");
        assertEquals(Check.Status.PROBLEM, check.status());
        assertEquals("127.0.0.1:" + server.uri("").getPort() + " did not answer within 0.3 s", check.text());
    }

    @Test
    void aPageThatIsNotTheApiIsNotTakenForASuccess() {
        server.otherwise(Answer.of(200, "<html><body>Welcome to the hotel wifi</body></html>"));
        assertEquals("eBay's token endpoint answered, but not with a token: is EBAY_BASE_URL the API?",
                checks.ebay(base(), "app-0123456789", "cert-0123456789").text());
        assertEquals("Telegram answered, but not with a bot: is TELEGRAM_BASE_URL the API?", checks.telegram(base(), TOKEN).text());
    }

    @Test
    void tooManyRequestsIsAWarningNotAVerdictOnTheCredentials() {
        server.otherwise(Answer.of(429, "{\"message\": \"You are making requests too quickly.\"}"));
        Check check = checks.discogs(base(), "token-0123456789");
        assertEquals(Check.Status.WARNING, check.status());
        assertEquals("Discogs answered HTTP 429 (You are making requests too quickly.): too many requests just now",
                check.text());
    }

    @Test
    void aBaseUrlThatIsNoUrlAndATokenThatCannotBeSentAreFoundBeforeAnyCall() {
        assertEquals("TELEGRAM_BASE_URL 'api.telegram.org' is not an http(s) URL",
                checks.telegram("api.telegram.org", TOKEN).text());
        assertEquals("TELEGRAM_TOKEN holds characters no token has (spaces, say)",
                checks.telegram(base(), "123 456").text());
        assertEquals(0, server.hits());
    }
}
