package io.vinyldetective.engine.http;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpReply;

import java.io.IOException;

/** Sends one request once: no retries, no limits, no cache. */
interface HttpTransport {

    /**
     * Sends the call and returns whatever status came back.
     *
     * @param userAgent the {@code User-Agent} to send if the call sets none
     * @throws IOException when no answer came (connection failure, timeout); its message names no URI
     * @throws IllegalArgumentException for a header the transport may not set ({@code Host}, {@code Connection}...)
     */
    HttpReply send(HttpCall call, String userAgent) throws IOException, InterruptedException;
}
