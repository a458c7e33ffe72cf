package io.vinyldetective.e2e;

import java.util.List;
import java.util.Map;

/**
 * A loopback Discord webhook endpoint after Discord's "Execute Webhook": {@code POST
 * /api/webhooks/<id>/<token>} with a JSON body, answered 204; errors scripted with Discord's JSON
 * error shape.
 */
public final class FakeDiscord extends LoopbackFake {

    static final String WEBHOOKS = "/api/webhooks/";

    @Override
    protected Reply answer(Request request) {
        if (!request.method().equals("POST") || !request.path().startsWith(WEBHOOKS)) {
            return Reply.json(404, "{\"message\":\"404: Not Found\",\"code\":0}");
        }
        return new Reply(204, Map.of(), new byte[0]);
    }

    /** The next execution of any webhook is answered as for a deleted one. */
    void deleteWebhook() {
        script(WEBHOOKS, Reply.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}"));
    }

    public List<Request> executions() {
        return requests(r -> r.method().equals("POST") && r.path().startsWith(WEBHOOKS));
    }
}
