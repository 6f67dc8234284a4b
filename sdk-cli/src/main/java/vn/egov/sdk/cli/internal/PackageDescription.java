package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentId;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.ResponseFor;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * A package built from its description (see docs/CLI.md for the keys) through sdk-core's builders: a document
 * ({@code kind: document}, the default) or a status ({@code kind: status}). Every problem of the description is
 * collected and reported at once, each with its key path and rule, as one {@link InvalidDescriptionException}.
 */
final class PackageDescription {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"), Map.entry("txt", "text/plain"),
            Map.entry("xml", "application/xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("zip", "application/zip"),
            Map.entry("p7s", "application/pkcs7-signature"));

    private final Path baseDirectory;
    private final Clock clock;
    private final List<FieldError> problems = new ArrayList<>();

    private PackageDescription(Path baseDirectory, Clock clock) {
        this.baseDirectory = baseDirectory;
        this.clock = clock;
    }

    /**
     * Builds the package a description file describes.
     *
     * @param file the YAML or JSON description; relative attachment paths are read from its directory
     * @param clock the time of the trace hop or the status
     * @return the package (its attachments are read from their files when it is written)
     * @throws UnreadableInputException if the file cannot be read or parsed
     * @throws InvalidDescriptionException naming every key that is missing, unknown or malformed
     */
    static EdXmlPackage build(Path file, Clock clock) {
        JsonNode tree = DescriptionFiles.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return new PackageDescription(dir, clock).build(tree, file);
    }

    private EdXmlPackage build(JsonNode tree, Path file) {
        DescriptionNode root = DescriptionNode.root(tree, problems);
        String kind = root.optionalText("kind");
        EdXmlPackage pkg = null;
        try {
            if (kind.isEmpty() || kind.equals("document")) {
                pkg = document(root);
                root.finish();
            } else if (kind.equals("status")) {
                pkg = status(root);
                root.finish();
            } else {
                root.problem(DescriptionNode.FORMAT, "kind", "must be 'document' or 'status', not '" + kind + "'");
            }
        } catch (ValidationException e) {
            // a rule of sdk-core's builders that the description's own checks did not catch
            problems.addAll(e.errors());
        }
        if (!problems.isEmpty()) {
            if (pkg != null) {
                pkg.close();
            }
            throw new InvalidDescriptionException(file, problems);
        }
        return pkg;
    }

    private EdXmlPackage document(DescriptionNode root) {
        // every key is read (and checked) first; the builder runs only on a description without problems
        Organization from = organization(root.object("from"));
        List<Organization> to = root.objects("to", true).stream().map(this::organization).toList();
        DescriptionNode code = root.object("code");
        String number = code.text("number");
        String notation = code.text("notation");
        code.finish();
        String subject = root.text("subject");
        String content = root.optionalText("content");
        DescriptionNode promulgation = root.object("promulgation");
        String place = promulgation.text("place");
        LocalDate date = promulgation.date("date");
        promulgation.finish();
        String documentId = root.optionalText("documentId");
        Optional<DocumentType> documentType = root.optionalObject("documentType").map(t -> {
            DocumentType value = new DocumentType(t.optionalInt("type"), t.optionalInt("detail"), t.text("name"));
            t.finish();
            return value;
        });
        Optional<SignerInfo> signer = root.optionalObject("signer").map(s -> {
            SignerInfo value = new SignerInfo(s.optionalText("competence"), s.optionalText("position"),
                    s.text("fullName"));
            s.finish();
            return value;
        });
        Optional<LocalDate> dueDate = root.optionalDate("dueDate");
        List<String> toPlaces = root.texts("toPlaces");
        OptionalInt steeringType = root.optionalInt("steeringType");
        String applicationType = root.optionalText("applicationType");
        List<String> tasks = root.texts("responseForTasks");
        Optional<OtherInfo> otherInfo = root.optionalObject("otherInfo").map(o -> {
            OtherInfo value = new OtherInfo(o.optionalInt("priority"), o.optionalText("sphereOfPromulgation"),
                    o.optionalText("typerNotation"), o.optionalInt("promulgationAmount"), o.optionalInt("pageAmount"),
                    Optional.empty(), o.texts("appendixes"), List.of());
            o.finish();
            return value;
        });
        List<ResponseFor> responseFor = root.objects("responseFor", false).stream().map(this::responseFor).toList();
        StaffInfo staff = staff(root.object("staff"));
        List<Attachment> attachments = attachments(root.objects("attachments", false));
        if (!problems.isEmpty()) {
            return null;
        }
        MessageHeader.Builder header = MessageHeader.builder().from(from).to(to).code(number, notation)
                .promulgation(place, date).subject(subject).content(content);
        if (!documentId.isBlank()) {
            header.documentId(DocumentId.of(documentId));
        }
        documentType.ifPresent(header::documentType);
        signer.ifPresent(header::signer);
        dueDate.ifPresent(header::dueDate);
        toPlaces.forEach(header::addToPlace);
        steeringType.ifPresent(header::steeringType);
        if (!applicationType.isBlank()) {
            header.applicationType(applicationType);
        }
        tasks.forEach(header::addResponseForTask);
        otherInfo.ifPresent(header::otherInfo);
        responseFor.forEach(header::addResponseFor);
        return EdXmlPackages.newDocument(header.build(), staff, attachments, clock);
    }

    private EdXmlPackage status(DescriptionNode root) {
        Organization from = organization(root.object("from"));
        ResponseFor responseFor = responseFor(root.object("responseFor"));
        String code = root.text("status");
        EdocStatus status = EdocStatus.of(code.isBlank() ? "01" : code);
        if (!code.isBlank() && !status.isKnown()) {
            root.problem(DescriptionNode.FORMAT, "status", "must be one of QĐ 28's status codes "
                    + EdocStatus.known().stream().map(EdocStatus::code).toList() + ", not '" + code + "'");
        }
        String description = root.optionalText("description");
        StaffInfo staff = staff(root.object("staff"));
        if (!problems.isEmpty()) {
            return null;
        }
        return new StatusPackage(from, responseFor, Optional.of(staff), status,
                description.isBlank() ? status.description() : description,
                Optional.of(LocalDateTime.ofInstant(clock.instant(), VIETNAM).withNano(0)), Optional.empty(),
                Optional.empty(), List.of());
    }

    private Organization organization(DescriptionNode o) {
        Organization org = new Organization(OrganId.of(o.text("id")), o.optionalText("inCharge"), o.text("name"),
                o.optionalText("address"), o.optionalText("email"), o.optionalText("telephone"),
                o.optionalText("fax"), o.optionalText("website"));
        o.finish();
        return org;
    }

    private ResponseFor responseFor(DescriptionNode r) {
        ResponseFor value = new ResponseFor(OrganId.of(r.text("organId")), r.text("code"), r.optionalDate("date"),
                DocumentId.of(r.text("documentId")));
        r.finish();
        return value;
    }

    private StaffInfo staff(DescriptionNode s) {
        StaffInfo staff = new StaffInfo(s.optionalText("department"), s.optionalText("departmentId"), s.text("name"),
                s.optionalText("staffId"), s.optionalText("email"), s.optionalText("mobile"));
        s.finish();
        return staff;
    }

    private List<Attachment> attachments(List<DescriptionNode> entries) {
        List<Attachment> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            DescriptionNode a = entries.get(i);
            String path = a.text("file");
            String name = a.optionalText("name");
            String description = a.optionalText("description");
            String type = a.optionalText("contentType");
            String id = a.optionalText("id");
            a.finish();
            if (path.isBlank()) {
                continue;
            }
            Path file;
            try {
                file = baseDirectory.resolve(path).normalize();
            } catch (InvalidPathException e) {
                a.problem(DescriptionNode.FORMAT, "file", "is not a valid path: " + e.getReason());
                continue;
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                a.problem("file", "file", "names no readable file: " + file);
                continue;
            }
            String fileName = file.getFileName().toString();
            out.add(new Attachment(id.isBlank() ? "attachment-" + (i + 1) : id, name.isBlank() ? fileName : name,
                    description, type.isBlank() ? contentType(fileName) : type, AttachmentContent.ofFile(file)));
        }
        return out;
    }

    private static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
