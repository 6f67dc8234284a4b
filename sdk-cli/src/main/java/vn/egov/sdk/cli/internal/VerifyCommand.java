package vn.egov.sdk.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;

/** {@code egov verify FILE}: the SDK's validation report of every signature of a package, a CMS or a PDF. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify the signatures of an edXML package (XML-DSig), a CMS signature (.p7s detached with "
                + "--content, or .p7m attached) or a PDF (PAdES): signer, signing time, certificate chain to its trust "
                + "anchor, revocation, each check's status.",
            "Trust anchors: your copies of the SDK's pinned Vietnamese roots (--vn-root) and certificates trusted "
                + "explicitly (--trust, e.g. the sandbox's test root).",
            "Exit 0 every signature valid; 1 a signature invalid, indeterminate or missing (the failed check named); "
                + "2 wrong options (no trust anchor); 3 unreadable, truncated or hostile input."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TrustOptions trust;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed package, signature or PDF.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "edxml, cms or pdf (default: by extension).")
    String format;

    @Option(names = "--content", paramLabel = "FILE", description = "CMS: the signed data of a detached signature.")
    Path content;

    /** The command, as picocli builds it. */
    public VerifyCommand() {
    }

    @Override
    public Integer call() {
        List<ValidationReport> reports;
        SignatureFormat kind;
        try {
            kind = SignatureFormat.of(format, file, false);
            if (content != null && kind != SignatureFormat.CMS) {
                throw ValidationException.of("cli.content", "--content", "is for a detached CMS signature only");
            }
            KeyOptions.readable(file);
            try (PkixCertificateValidator validator = trust.validator()) {
                reports = switch (kind) {
                    case EDXML -> edxml(validator);
                    case CMS -> cms(validator);
                    case PDF -> pdf(validator);
                };
            }
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
        if (output.json) {
            Json.print(spec, SignatureReports.json(file.toString(), kind, reports));
        } else {
            SignatureReports.text(spec.commandLine().getOut(), file.toString(), kind, reports);
        }
        ValidationReport bad = reports.stream().filter(r -> !r.isValid()).findFirst().orElse(null);
        if (bad == null) {
            return ExitCodes.OK;
        }
        String check = SignatureChecks.failed(bad).orElse("signature");
        String detail = "signature '" + bad.signatureId() + "': check '" + check + "' " + bad.indication()
                + bad.subIndication().map(s -> " / " + s.name()).orElse("") + ": " + bad.reason();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Lỗi: chữ ký không hợp lệ hoặc chưa xác định được: " + detail);
        err.println("Error: signature not valid: " + detail);
        err.flush();
        return ExitCodes.INVALID;
    }

    private List<ValidationReport> edxml(PkixCertificateValidator validator) {
        // the hardened reader first: a truncated, hostile or oversized package is unreadable input (exit 3)
        try (EdXmlPackage ignored = PackageFiles.read(file)) {
            // only checked
        }
        EdXmlSignatureVerifier verifier = EdXmlSignatureVerifier.builder().certificateValidator(validator).build();
        try (InputStream in = Files.newInputStream(file)) {
            return List.of(verifier.verify(in));
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<ValidationReport> cms(PkixCertificateValidator validator) {
        byte[] signature = InputShapes.completeDer(file);
        CmsVerifier verifier = CmsVerifier.builder().validator(validator).build();
        if (content == null) {
            return verifier.verify(signature);
        }
        try (InputStream in = Files.newInputStream(KeyOptions.readable(content))) {
            return verifier.verifyDetached(signature, in);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + content + ": " + e.getMessage(), e);
        }
    }

    private List<ValidationReport> pdf(PkixCertificateValidator validator) {
        InputShapes.completePdf(file);
        return PdfSignatureVerifier.builder().validator(validator).build().verify(file);
    }
}
