package vn.egov.sdk.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A {@link PrintStream} onto a command's {@link PrintWriter}, for code that prints to streams (UTF-8). */
final class WriterStream extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final PrintWriter target;

    private WriterStream(PrintWriter target) {
        this.target = target;
    }

    static PrintStream onto(PrintWriter target) {
        return new PrintStream(new WriterStream(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
        target.print(pending.toString(StandardCharsets.UTF_8));
        target.flush();
        pending.reset();
    }
}
