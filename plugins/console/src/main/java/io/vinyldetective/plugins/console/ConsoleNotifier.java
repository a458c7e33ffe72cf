package io.vinyldetective.plugins.console;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.pf4j.Extension;

/** A {@link Notifier} that prints each alert as a text card. */
@Extension
public class ConsoleNotifier implements Notifier {

    static final ConfigKey STREAM = ConfigKey.optional("stream", ConfigKey.Type.STRING, "stdout",
            "Where cards are printed: stdout or stderr.");

    private volatile PrintStream out = System.out;
    private volatile Clock clock = Clock.systemUTC();

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(STREAM);
    }

    @Override
    public void start(PluginContext context) {
        clock = context.clock();
        String stream = context.config().string(STREAM.name());
        switch (stream) {
            case "stdout":
                out = System.out;
                break;
            case "stderr":
                out = System.err;
                break;
            default:
                throw new PluginException.BadConfiguration(STREAM.name(), "'stream' must be stdout or stderr, not '" + stream + "'");
        }
    }

    /** For tests: print somewhere else. */
    void printTo(PrintStream stream) {
        out = stream;
    }

    @Override
    public Delivery deliver(Alert alert) {
        String card = DealCard.render(alert, clock.instant());
        synchronized (out) {
            out.println(card);
            out.flush();
        }
        return Delivery.delivered();
    }
}
