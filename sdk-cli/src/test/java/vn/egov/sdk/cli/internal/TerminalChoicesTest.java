package vn.egov.sdk.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.cli.internal.OutputOptions.ColorMode;
import vn.egov.sdk.cli.internal.ProgressOptions.ProgressMode;

/** The colour and progress decisions for what a terminal, NO_COLOR and the options say; the bar's redraw rate. */
class TerminalChoicesTest {
    @Test
    void colourFollowsTheTerminalAndNoColorUnlessForced() {
        assertTrue(Colors.enabled(ColorMode.auto, true, null));
        assertTrue(Colors.enabled(ColorMode.auto, true, ""), "an empty NO_COLOR is unset (no-color.org)");
        assertFalse(Colors.enabled(ColorMode.auto, true, "1"));
        assertFalse(Colors.enabled(ColorMode.auto, false, null), "not into a pipe");
        assertTrue(Colors.enabled(ColorMode.always, false, "1"), "the option wins over NO_COLOR");
        assertFalse(Colors.enabled(ColorMode.never, true, null));
    }

    @Test
    void progressFollowsTheTerminalNeverInJson() {
        ProgressOptions options = new ProgressOptions();
        assertTrue(options.enabled(false, true));
        assertFalse(options.enabled(false, false));
        assertFalse(options.enabled(true, true));
        options.mode = ProgressMode.always;
        assertTrue(options.enabled(false, false));
        assertFalse(options.enabled(true, false));
        options.off = true;
        assertFalse(options.enabled(false, true));
    }

    @Test
    void theBarRedrawsAtMostTenTimesASecondAndEndsItsLine() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "sending x.edxml", now::get);
        bar.start(1000);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(20_000_000L);
            bar.advance(50);
        }
        bar.finish();
        bar.finish();
        String[] draws = text.toString().split("\r", -1);
        assertEquals(1 + 1 + 2 + 1, draws.length, text.toString());
        assertTrue(draws[1].contains("[                              ]   0%  0 B / 1000 B"), draws[1]);
        assertTrue(draws[draws.length - 1].startsWith("sending x.edxml  [###############               ]  50%"),
                draws[draws.length - 1]);
        assertTrue(text.toString().endsWith("\n") && text.toString().indexOf('\n') == text.toString().length() - 1);
    }
}
