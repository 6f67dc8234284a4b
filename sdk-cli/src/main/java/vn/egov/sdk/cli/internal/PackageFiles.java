package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;

/** Reads a package from a file with the SDK's bounded, hardened reader. */
final class PackageFiles {
    private PackageFiles() {
    }

    /**
     * Reads a package.
     *
     * @param file the package
     * @return the package; the caller closes it
     * @throws UnreadableInputException if the file cannot be opened or read
     * @throws vn.egov.sdk.edxml.EdXmlFormatException if its bytes are not an acceptable package (including one
     *         beyond the reader's limits)
     */
    static EdXmlPackage read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(file + " is a directory, not a package file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return EdXml.read(in);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException("no permission to read " + file, e);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }
}
