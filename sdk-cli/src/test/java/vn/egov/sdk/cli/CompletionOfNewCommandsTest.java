package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The completion script knows pay, login and their options, with the values of the enumerated ones. */
class CompletionOfNewCommandsTest {
    @Test
    void payLoginAndTheirOptionsComplete() {
        Run run = Run.egov("generate-completion");
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        String script = run.out();
        for (String function : new String[] {"_picocli_egov_pay_create", "_picocli_egov_pay_status",
            "_picocli_egov_pay_callbackcheck", "_picocli_egov_login"}) {
            assertTrue(script.contains(function + "()"), function);
        }
        assertTrue(Pattern.compile("cmds\\d+=\\(pay\\)").matcher(script).find(), "pay");
        assertTrue(Pattern.compile("cmds\\d+=\\(login\\)").matcher(script).find(), "login");
        assertTrue(Pattern.compile("cmds\\d+=\\(pay callback-check\\)").matcher(script).find(), "pay callback-check");
        assertTrue(script.contains("'--test-citizen'") && script.contains("'--redirect-uri'"), "login's options");
        assertTrue(script.contains("(\"dvcqg\" \"paygov\" \"keypay\") # --system values"), "--system's values");
        assertTrue(script.contains("(\"auto\" \"always\" \"never\") # --color values"), "--color's values");
        assertTrue(script.contains("(\"auto\" \"always\" \"never\") # --progress values"), "--progress's values");
        assertTrue(script.contains("--no-progress"), "axis send/fetch's options");
    }
}
