package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.NullSetterProbe;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.FaultRegistry;

/**
 * One rule for bad input in sdk-testkit's public entry points that need no running sandbox: a caller's mistake is a
 * {@link ValidationException} naming the field, never an NPE; no message ends in "null".
 */
class TestkitBadInputRuleTest {
    static Stream<Arguments> callersMistakes() {
        return Stream.of(
                Arguments.of("TestPki.create(null url)", (Executable) () -> TestPki.create(null, Clock.systemUTC()),
                        "TestPki.baseUrl"),
                Arguments.of("TestPki.create(blank url)", (Executable) () -> TestPki.create(" ", Clock.systemUTC()),
                        "TestPki.baseUrl"),
                Arguments.of("TestPki.create(null clock)", (Executable) () -> TestPki.create("http://localhost:1",
                        null), "TestPki.clock"),
                Arguments.of("NationalSandbox.builder().clock(null)",
                        (Executable) () -> NationalSandbox.builder().clock(null), "NationalSandboxBuilder.clock"),
                Arguments.of("faults().on(path).delay(null)", (Executable) () -> faults().on("/demo/echo").delay(null),
                        "FaultPresetBuilder.delay"),
                Arguments.of("faults().on(path).tooManyRequests(null)",
                        (Executable) () -> faults().on("/demo/echo").tooManyRequests(null),
                        "FaultPresetBuilder.retryAfter"),
                Arguments.of("faults().on(null)", (Executable) () -> faults().on(null), "SandboxFaults.on.path"),
                Arguments.of("new ManualClock(null)", (Executable) () -> new ManualClock(null), "ManualClock.start"),
                Arguments.of("ManualClock.set(null)", (Executable) () -> new ManualClock().set(null),
                        "ManualClock.instant"));
    }

    private static SandboxFaults faults() {
        return new SandboxFaults(new FaultRegistry());
    }

    @Test
    void everyBuilderSetterRefusesNullByName() {
        List<String> problems = new ArrayList<>(NullSetterProbe.problems(NationalSandbox::builder, Set.of()));
        problems.addAll(NullSetterProbe.problems(() -> faults().on("/demo/echo"), Set.of()));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callersMistakes")
    void aCallersMistakeIsAValidationExceptionNamingTheField(String name, Executable call, String field) {
        Throwable thrown = assertThrows(Throwable.class, call, name);
        ValidationException e = assertInstanceOf(ValidationException.class, thrown, () -> name + " threw " + thrown);
        assertTrue(e.errors().stream().anyMatch(f -> f.path().equals(field)),
                () -> name + ": no error names " + field + ": " + e.errors());
        assertFalse(e.getMessage().strip().endsWith("null"), e::getMessage);
    }
}
