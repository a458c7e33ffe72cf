package io.vinyldetective.plugins.telegram;

/** The made-up token every test uses. */
final class FakeBotApiTokens {

    static final String TOKEN = "123456789:TEST-token_value";

    private FakeBotApiTokens() {
    }
}
