package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.pdf.VisibleStamp;
import vn.egov.sdk.signing.xml.EdXmlSigner;

/** {@code egov sign FILE}: an edXML package (XML-DSig), a PDF (PAdES) or any file (CMS), with the signer's key. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign an edXML package (enveloped XML-DSig), a PDF (PAdES, optionally with a visible stamp) "
                + "or any other file (CMS/CAdES, detached .p7s by default).",
            "The format comes from --format or the extension (.edxml/.xml, .pdf, anything else: cms). The key's "
                + "password is read from the environment (EGOV_KEY_PASSWORD) or --password-file, never printed.",
            "Exit 0 signed; 2 wrong options; 3 unreadable input; 5 no password, or the key cannot be opened."})
public final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    KeyOptions key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to sign.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the result (default: NAME.signed.EXT "
            + "for edXML and PDF, FILE.p7s for a detached CMS, FILE.p7m for an attached one).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "edxml, cms or pdf (default: by extension).")
    String format;

    @Option(names = "--attached", description = "CMS: put the content inside the signature (.p7m), not beside it.")
    boolean attached;

    @Option(names = "--reason", paramLabel = "TEXT", description = "PDF: the signing reason.")
    String reason;

    @Option(names = "--location", paramLabel = "TEXT", description = "PDF: the signing location.")
    String location;

    @Option(names = "--tsa", paramLabel = "URL", description = "PDF: a timestamp authority (PAdES B-T).")
    String tsa;

    @Option(names = "--stamp", paramLabel = "PAGE,X,Y,W,H", split = ",",
            description = "PDF: a visible stamp on PAGE (from 1, or 'last') at X,Y (points from the bottom left), "
                    + "W wide and H high; text 'Ký bởi / Cơ quan / Thời gian ký' unless --stamp-line is given.")
    List<String> stamp;

    @Option(names = "--stamp-line", paramLabel = "TEXT", description = "PDF: a line of the stamp's text (repeatable).")
    List<String> stampLines = new ArrayList<>();

    @Option(names = "--stamp-image", paramLabel = "FILE", description = "PDF: a PNG or JPEG drawn in the stamp.")
    Path stampImage;

    @Option(names = "--stamp-font", paramLabel = "FILE.ttf",
            description = "PDF: the TrueType font of the stamp's text (default: DejaVu Sans, Liberation, Noto or "
                    + "Arial found on the machine).")
    Path stampFont;

    @Option(names = "--seal", paramLabel = "IMAGE",
            description = "PDF: this signature is the agency's seal: IMAGE only, laid over the left third of the "
                    + "signer's stamp given by --stamp (Decree 30/2020). Sign first as the signer, then as the agency.")
    Path seal;

    @Option(names = "--seal-size", paramLabel = "W,H", split = ",", description = "PDF: the seal's size in points "
            + "(default 110,110, about a 38 mm round seal).")
    List<Float> sealSize;

    /** The command, as picocli builds it. */
    public SignCommand() {
    }

    @Override
    public Integer call() {
        try {
            SignatureFormat kind = SignatureFormat.of(format, file, true);
            KeyOptions.readable(file);
            VisibleStamp visible = kind == SignatureFormat.PDF ? stamp() : null;
            SigningKey signer = key.load();
            Path target = out != null ? out : defaultTarget(kind);
            switch (kind) {
                case EDXML -> signEdxml(signer, target);
                case CMS -> signCms(signer, target);
                case PDF -> signPdf(signer, visible, target);
                default -> throw new IllegalStateException(kind.name());
            }
            print(kind, target, signer);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    private Path defaultTarget(SignatureFormat kind) {
        String name = file.getFileName().toString();
        if (kind == SignatureFormat.CMS) {
            return file.resolveSibling(name + (attached ? ".p7m" : ".p7s"));
        }
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) + ".signed" + name.substring(dot)
                : name + ".signed");
    }

    private void signEdxml(SigningKey signer, Path target) {
        // read first with the hardened reader, so a truncated or hostile package is refused as unreadable input
        try (EdXmlPackage ignored = PackageFiles.read(file)) {
            // only checked
        }
        EdXmlSigner xml = EdXmlSigner.builder().source(signer).build();
        writeAtomically(target, os -> {
            try (InputStream in = Files.newInputStream(file)) {
                xml.sign(in, os);
            }
        });
    }

    private void signCms(SigningKey signer, Path target) {
        CmsSigner cms = CmsSigner.builder().source(signer).build();
        byte[] signature;
        if (attached) {
            try {
                signature = cms.sign(Files.readAllBytes(file), CmsPackaging.ENVELOPING);
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
            }
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                signature = cms.signDetached(in);
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        writeAtomically(target, os -> os.write(signature));
    }

    private void signPdf(SigningKey signer, VisibleStamp visible, Path target) {
        PdfSigner.Builder builder = PdfSigner.builder().source(signer);
        if (reason != null) {
            builder.reason(reason);
        }
        if (location != null) {
            builder.location(location);
        }
        if (tsa != null) {
            builder.timestampUrl(tsa);
        }
        if (visible != null) {
            builder.stamp(visible);
        }
        try (PdfSigner pdf = builder.build()) {
            writeAtomically(target, os -> {
                try (InputStream in = Files.newInputStream(file)) {
                    pdf.sign(in, os);
                }
            });
        }
    }

    private VisibleStamp stamp() {
        if (stamp == null) {
            if (seal != null || stampImage != null || !stampLines.isEmpty()) {
                throw ValidationException.of("cli.stamp", "--stamp",
                        "is required with --seal, --stamp-image and --stamp-line: where the stamp goes");
            }
            return null;
        }
        if (stamp.size() != 5) {
            throw ValidationException.of("cli.stamp", "--stamp", "must be PAGE,X,Y,W,H, e.g. 1,350,80,200,70");
        }
        float[] box = new float[4];
        int page;
        try {
            page = stamp.get(0).equalsIgnoreCase("last") ? VisibleStamp.LAST_PAGE : Integer.parseInt(stamp.get(0));
            for (int i = 0; i < 4; i++) {
                box[i] = Float.parseFloat(stamp.get(i + 1));
            }
        } catch (NumberFormatException e) {
            throw ValidationException.of("cli.stamp", "--stamp",
                    "must be PAGE,X,Y,W,H with numbers (PAGE from 1, or 'last'), not " + String.join(",", stamp));
        }
        VisibleStamp signerStamp = VisibleStamp.at(page, box[0], box[1], box[2], box[3]).build();
        if (seal != null) {
            float w = sealSize == null ? 110f : sealSize.get(0);
            float h = sealSize == null || sealSize.size() < 2 ? w : sealSize.get(1);
            return VisibleStamp.agencySealOver(signerStamp, w, h).image(bytes(seal)).imageOnly().build();
        }
        VisibleStamp.Builder b = VisibleStamp.at(page, box[0], box[1], box[2], box[3]);
        stampLines.forEach(b::line);
        if (stampImage != null) {
            b.image(bytes(stampImage));
        }
        if (stampFont != null) {
            b.font(KeyOptions.readable(stampFont));
        }
        return b.build();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(KeyOptions.readable(file));
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void print(SignatureFormat kind, Path target, SigningKey signer) {
        String subject = signer.certificateChain().get(0).getSubjectX500Principal().getName();
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            size = -1;
        }
        if (output.json) {
            ObjectNode json = Json.object();
            json.put("signed", file.toString());
            json.put("format", kind.label());
            if (kind == SignatureFormat.CMS) {
                json.put("packaging", attached ? "attached" : "detached");
            }
            json.put("out", target.toString());
            json.put("bytes", size);
            json.put("signer", subject);
            Json.print(spec, json);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.println("đã ký / signed: " + target + " (" + kind.label()
                    + (kind == SignatureFormat.CMS ? attached ? ", attached" : ", detached" : "") + ", " + size
                    + " bytes) by " + subject);
            w.flush();
        }
    }

    /** Writes to a temporary file beside the target, then moves it into place; nothing is left on failure. */
    private static void writeAtomically(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".egov-sign-", ".tmp");
            try (OutputStream os = Files.newOutputStream(temp)) {
                body.write(os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot write " + target + " or read its input: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file; the error that matters has been thrown
                }
            }
        }
    }

    /** What writes the signed output. */
    private interface Body {
        void write(OutputStream os) throws IOException;
    }
}
