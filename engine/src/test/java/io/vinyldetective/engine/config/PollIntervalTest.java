package io.vinyldetective.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.convert.ConversionService;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** POLL_INTERVAL is read strictly: a number and a unit, longer than zero; anything else is said. */
class PollIntervalTest {

    private static Optional<String> problem(String value) {
        return PollInterval.problem(name -> Optional.ofNullable(value), ConversionService.SHARED);
    }

    @Test
    void durationsWithAUnitAreFine() {
        assertEquals(Optional.empty(), problem("3s"));
        assertEquals(Optional.empty(), problem("30m"));
        assertEquals(Optional.empty(), problem(" 2h "));
        assertEquals(Optional.empty(), problem(null), "not set: the default applies");
    }

    @Test
    void anythingElseIsAProblemNamingTheVariable() {
        for (String bad : new String[] {"banana", "5", "30 minutes", "m"}) {
            String problem = problem(bad).orElseThrow(() -> new AssertionError(bad + " accepted"));
            assertTrue(problem.startsWith("POLL_INTERVAL '" + bad.strip() + "' is not a duration"), problem);
        }
        assertTrue(problem("0s").orElseThrow().contains("must be longer than zero"));
    }

    @Test
    void theWantlistIntervalIsReadAsStrictlyAndNamed() {
        Optional<String> problem = PollInterval.problem(name -> name.equals(PollInterval.WANTS_PROPERTY)
                ? Optional.of("hourly") : Optional.empty(), ConversionService.SHARED);
        assertTrue(problem.orElseThrow().startsWith("WANTLIST_POLL_INTERVAL 'hourly' is not a duration"), problem.get());
    }
}
