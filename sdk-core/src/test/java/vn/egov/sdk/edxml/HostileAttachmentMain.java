package vn.egov.sdk.edxml;

import vn.egov.sdk.core.EgovException;

/**
 * Run in a JVM with a 64 MB heap by {@link EdXmlHostileInputTest}: reads a generated package whose attachment
 * decodes to 2 GB with the default options. Exit 0 and the exception's class when a typed error came out, 1 for
 * any other outcome, 2 for an OutOfMemoryError.
 */
public final class HostileAttachmentMain {
    private HostileAttachmentMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        long chars = Long.parseLong(args[0]);
        long start = System.nanoTime();
        try {
            EdXml.read(new GeneratedPackageStream(chars)).close();
            System.out.println("ACCEPTED");
            System.exit(1);
        } catch (EgovException e) {
            System.out.println(e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000
                    + " ms: " + e.getMessage());
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.out.println("OOM");
            System.exit(2);
        } catch (Throwable t) {
            System.out.println("UNTYPED " + t);
            System.exit(1);
        }
    }
}
