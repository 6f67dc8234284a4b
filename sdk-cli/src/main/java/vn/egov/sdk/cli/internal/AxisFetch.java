package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.cli.ExitCodes;

/** {@code egov axis fetch DOCID}: saves a waiting package's bytes to a file. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Save a waiting package to a file (DOCID.edxml unless --out), as the axis sent it.")
public final class AxisFetch extends AxisCall {
    @Parameters(index = "0", paramLabel = "DOCID", description = "The axis's id of the package (from list).")
    String docId;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save it (default DOCID.edxml).")
    Path file;

    @Mixin
    ProgressOptions progressOptions;

    /** The command, as picocli builds it. */
    public AxisFetch() {
    }

    @Override
    TransferProgress progress() {
        return progress(progressOptions, TransferProgress.Direction.DOWNLOAD, "fetching " + docId);
    }

    @Override
    int run(VdxpAxisClient client) {
        Path target = file != null ? file : Path.of(docId.replaceAll("[^A-Za-z0-9._-]", "_") + ".edxml");
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                client.fetchTo(docId, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            long size = Files.size(target);
            if (output.json) {
                Json.print(spec, Json.object().put("docId", docId).put("file", target.toString()).put("size", size));
            } else {
                spec.commandLine().getOut().println("saved " + target + " (" + size + " bytes)");
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UnreadableInputException("cannot write " + target + ": " + e.getCause().getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a partial file left behind is named .part
            }
        }
    }
}
