package vn.egov.sdk.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.signing.SigningException;

/** Whose fault a typed error was decides its exit status: the caller's side is not "the remote side failed". */
class FailuresTest {
    @Command(name = "probe")
    static final class Probe {
    }

    private final StringWriter err = new StringWriter();

    private int report(Throwable failure) {
        CommandLine line = new CommandLine(new Probe());
        line.setErr(new PrintWriter(err, true));
        return Failures.report(failure, line.getCommandSpec(), new OutputOptions());
    }

    @Test
    void aLocalKeyThatCannotSignIsTheCallersArgumentNotTheRemoteSide() {
        assertEquals(ExitCodes.USAGE, report(SigningException.local("the key does not match its certificate", null)));
        assertTrue(err.toString().contains("Error: invalid argument: the key does not match its certificate"), err::toString);
    }

    @Test
    void aRemoteSignerThatRefusesIsTheRemoteSide() {
        assertEquals(ExitCodes.REMOTE, report(new SigningException("SmartCA refused the request",
                ErrorDetails.of(Fault.PLATFORM, false), null)));
        assertTrue(err.toString().contains("Error: the remote side failed or refused"), err::toString);
    }
}
