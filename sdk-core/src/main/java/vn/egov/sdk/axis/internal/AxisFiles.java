package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * Temporary files of the axis clients: the package as sent (written, then signed when a signer is set), its
 * SHA-256, and files for fetched packages. A failure to write is an {@link EgovException} of fault CALLER.
 */
public final class AxisFiles {
    private final String prefix;
    private final Optional<Path> tempDirectory;

    /**
     * @param prefix the file name prefix ({@code vdxp-}, {@code lgsp-})
     * @param tempDirectory where temporary files go; the system's default when empty
     */
    public AxisFiles(String prefix, Optional<Path> tempDirectory) {
        this.prefix = prefix;
        this.tempDirectory = tempDirectory;
    }

    /**
     * A new empty temporary file.
     *
     * @param suffix the file name suffix
     * @return the file; the caller deletes it
     */
    public Path newFile(String suffix) {
        try {
            return tempDirectory.isPresent() ? Files.createTempFile(tempDirectory.get(), prefix, suffix)
                    : Files.createTempFile(prefix, suffix);
        } catch (IOException e) {
            throw failure("cannot create a temporary file", e);
        }
    }

    /**
     * Writes the package to a temporary file and signs it when a signer is given (into a second file; the unsigned
     * one is deleted). Nothing is left behind on failure.
     *
     * @param pkg the package
     * @param signer the signer, if any
     * @return the file to send; the caller deletes it
     */
    public Path write(EdXmlPackage pkg, Optional<DocumentSigner> signer) {
        Path unsigned = newFile(".edxml");
        try {
            try (OutputStream out = Files.newOutputStream(unsigned)) {
                EdXml.write(pkg, out);
            }
            if (signer.isEmpty()) {
                return unsigned;
            }
            Path signed = newFile(".signed.edxml");
            try (InputStream in = Files.newInputStream(unsigned); OutputStream out = Files.newOutputStream(signed)) {
                signer.get().sign(in, out);
            } catch (IOException | RuntimeException e) {
                delete(signed);
                throw e;
            }
            delete(unsigned);
            return signed;
        } catch (IOException e) {
            delete(unsigned);
            throw failure("cannot write or sign the package", e);
        } catch (RuntimeException e) {
            delete(unsigned);
            throw e;
        }
    }

    /**
     * Lowercase hex SHA-256 of a file, streamed.
     *
     * @param file the file
     * @return 64 hex digits
     */
    public static String sha256Hex(Path file) {
        return HexFormat.of().formatHex(sha256(file));
    }

    /**
     * SHA-256 of a file, streamed.
     *
     * @param file the file
     * @return the 32-byte digest
     */
    public static byte[] sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (IOException e) {
            throw failure("cannot read the package file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Refuses an archive path whose directory does not exist, before anything is sent.
     *
     * @param archive where the sent bytes are to be archived
     */
    public static void checkArchive(Path archive) {
        ValidationException.requireNonNull(archive, "archive");
        Path dir = archive.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(archive)) {
            throw ValidationException.of("axis.archive", "archive",
                    "archive must name a file in an existing directory");
        }
    }

    /**
     * Copies the file that was sent to the caller's archive path: into a sibling temporary file first, then moved
     * over the target, so the archive is either absent or complete.
     *
     * @param sent the file whose bytes left
     * @param archive the caller's path
     * @return the archive path
     */
    public static Path archive(Path sent, Path archive) {
        Path dir = archive.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".archive-", ".part");
            Files.copy(sent, partial, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return archive;
        } catch (IOException e) {
            if (partial != null) {
                delete(partial);
            }
            throw failure("the package was sent but cannot be archived to the given path", e);
        }
    }

    /**
     * Deletes a file, ignoring failures.
     *
     * @param file the file
     */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is not worth failing the call for
        }
    }

    private static EgovException failure(String what, IOException e) {
        return new EgovException(what + ": " + e.getClass().getSimpleName(), ErrorDetails.of(Fault.CALLER, false),
                new UncheckedIOException(e));
    }
}
