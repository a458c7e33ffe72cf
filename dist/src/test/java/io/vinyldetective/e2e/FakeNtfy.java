package io.vinyldetective.e2e;

import java.util.List;

/**
 * A loopback ntfy server after its publish API (docs.ntfy.sh/publish): {@code POST /<topic>}, the
 * message as the body, Title/Priority/Tags/Click headers; answered 200 with the message as JSON.
 */
public final class FakeNtfy extends LoopbackFake {

    @Override
    protected Reply answer(Request request) {
        if (!request.method().equals("POST") || !request.path().matches("/[-_A-Za-z0-9]{1,64}")) {
            return Reply.json(404, "{\"code\":40401,\"http\":404,\"error\":\"page not found\"}");
        }
        return Reply.json(200, "{\"id\":\"sPs71M8A2T\",\"time\":1700000000,\"event\":\"message\",\"topic\":\""
                + request.path().substring(1) + "\"}");
    }

    /** The messages published to a topic. */
    public List<Request> published(String topic) {
        return requests(r -> r.method().equals("POST") && r.path().equals("/" + topic));
    }
}
