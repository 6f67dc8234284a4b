package vn.egov.sdk;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Records everything that would reach the console while a piece of code runs: bytes written to {@code System.out}
 * and {@code System.err} (from any thread), and records logged through {@code java.util.logging} (which the JDK's
 * {@code System.Logger} also uses) at a level its default console handler prints. Writes made by the test's SLF4J
 * backend (slf4j-simple, which writes to {@code System.err}) are not counted: SLF4J is the channel the SDK is
 * allowed to log through, and its backend is the application's choice.
 *
 * <p>For tests only: it swaps the JVM's standard streams and adds a handler to the root JUL logger for the duration
 * of {@link #run}, then restores both.
 */
public final class ConsoleCapture {
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    private ConsoleCapture() {
    }

    /** What went to the console while {@code action} ran, each with where it came from; empty when nothing did. */
    public static List<String> run(ThrowingRunnable action) throws Exception {
        ConsoleCapture capture = new ConsoleCapture();
        Logger root = LogManager.getLogManager().getLogger("");
        root.getHandlers(); // the default console handler binds to the real System.err now, not to our stream
        PrintStream out = System.out;
        PrintStream err = System.err;
        Handler jul = capture.julHandler();
        System.setOut(capture.stream("System.out"));
        System.setErr(capture.stream("System.err"));
        root.addHandler(jul);
        try {
            action.run();
        } finally {
            root.removeHandler(jul);
            System.setOut(out);
            System.setErr(err);
        }
        return List.copyOf(capture.printed);
    }

    /** A runnable that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs. */
        void run() throws Exception;
    }

    private PrintStream stream(String name) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len == 0 || fromSlf4j()) {
                    return;
                }
                String text = new String(b, off, len, StandardCharsets.UTF_8);
                if (text.isBlank() && !printed.isEmpty()) {
                    return; // the line end of something already recorded
                }
                printed.add(name + ": " + text.strip() + "\n    written by " + writer());
            }
        }, true, StandardCharsets.UTF_8);
    }

    private Handler julHandler() {
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // the JDK's default ConsoleHandler prints INFO and above
                if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                    printed.add("java.util.logging " + r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        return h;
    }

    private static boolean fromSlf4j() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName()
                .startsWith("org.slf4j.simple.")));
    }

    private static String writer() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .filter(s -> !s.startsWith("vn.egov.sdk.ConsoleCapture") && !s.startsWith("java.io.")
                        && !s.startsWith("sun.nio.cs.") && !s.startsWith("java.lang.Throwable"))
                .limit(6).collect(Collectors.joining(" < ")));
    }
}
