package vn.egov.sdk.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on standard error redrawn in place ({@code \r}) as bytes move: a bar and a percentage when the size is
 * known, the bytes so far when it is not; at most ten redraws a second, and a last one, with a line end, when done.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier nanos;
    private long total = -1;
    private long done;
    private long lastDraw;
    private boolean drawn;
    private boolean finished;

    ProgressBar(PrintWriter err, String label, LongSupplier nanos) {
        this.err = err;
        this.label = label;
        this.nanos = nanos;
    }

    /** A transfer (or a repeated attempt of it) starts: the count starts again. */
    synchronized void start(long size) {
        total = size;
        done = 0;
        finished = false;
        draw();
    }

    synchronized void advance(long bytes) {
        done += bytes;
        if (nanos.getAsLong() - lastDraw >= REDRAW_NANOS) {
            draw();
        }
    }

    /** The transfer ended (its last byte moved): the final state, then a line end. */
    synchronized void finish() {
        if (finished || !drawn) {
            return;
        }
        finished = true;
        draw();
        err.println();
        err.flush();
    }

    private void draw() {
        lastDraw = nanos.getAsLong();
        drawn = true;
        StringBuilder line = new StringBuilder("\r").append(label).append("  ");
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / total))).append("  ")
                    .append(size(done)).append(" / ").append(size(total));
        } else {
            line.append(size(done));
        }
        err.print(line);
        err.flush();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
