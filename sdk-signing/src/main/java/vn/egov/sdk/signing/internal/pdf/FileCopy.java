package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import vn.egov.sdk.core.Causes;

/**
 * Copies the first {@code length} bytes of a file into a new file on a thread of its own, channel to channel (the
 * operating system moves the bytes; nothing goes through the Java heap), while the caller does other work: signing
 * to a new file copies the input while PDFBox reads and digests it, so the copy costs a second core rather than a
 * second pass on the first. The thread ends with the copy; {@link #finish} waits for it.
 */
final class FileCopy {
    private final Thread thread;
    private IOException failure; // written by the thread, read after join (happens-before)

    private FileCopy(Path from, Path to, long length) {
        this.thread = new Thread(() -> run(from, to, length), "egov-pdf-copy");
        this.thread.setDaemon(true);
    }

    /** Starts copying {@code length} bytes of {@code from} into {@code to} (created or truncated). */
    static FileCopy start(Path from, Path to, long length) {
        FileCopy copy = new FileCopy(from, to, length);
        copy.thread.start();
        return copy;
    }

    private void run(Path from, Path to, long length) {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long done = 0; done < length; ) {
                long n = in.transferTo(done, length - done, out);
                if (n <= 0) {
                    throw new IOException("the PDF was cut short while it was being copied");
                }
                done += n;
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException("cannot copy the PDF: " + Causes.describe(e), e);
        }
    }

    /**
     * Waits for the copy (a bounded file copy: an interrupt is kept for the caller, not acted on) and reports its
     * failure.
     *
     * @throws IOException if the copy failed
     */
    void finish() throws IOException {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for the copy after the caller's own failure {@code cause}, adding the copy's failure to it. */
    void finishAfter(Exception cause) {
        try {
            finish();
        } catch (IOException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
        }
    }
}
