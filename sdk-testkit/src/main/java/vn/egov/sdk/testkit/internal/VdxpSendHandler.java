package vn.egov.sdk.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.TraceHeader;
import vn.egov.sdk.edxml.TraceHeaderList;

/**
 * {@code POST /vdxp/sendEdoc}: checks the parameters and {@code hash-file}, parses the uploaded edXML, routes it to
 * the systems serving each recipient (a status package to the system serving {@code ResponseFor/OrganId}), adds the
 * axis' trace hop and stores it once. A repeated upload of the same file by the same system answers the original
 * {@code DocId}, whichever form its hash came in.
 *
 * <p>The upload is taken as the official client SDKVXP 2.0.1 sends it (captured byte for byte):
 * the raw file as the body, followed by CRLF or not (the body that matches {@code hash-file} is the file), under any
 * content type other than multipart; or a {@code multipart/form-data} part {@code file_doc}. {@code hash-file} is the
 * file's SHA-256 in lowercase hex (any case accepted), zero-padded or written as the official client does, without
 * zero padding.
 */
final class VdxpSendHandler {

    private static final String PREFIX = VdxpHeaderBundle.PREFIX;

    private final VdxpSystems systems;
    private final VdxpStore store;
    private final Supplier<Instant> now;
    private final String axisOrganId;

    VdxpSendHandler(VdxpSystems systems, VdxpStore store, Supplier<Instant> now, String axisOrganId) {
        this.systems = systems;
        this.store = store;
        this.now = now;
        this.axisOrganId = axisOrganId;
    }

    SimResponse handle(SimRequest request, VdxpSystems.VdxpSystem caller) {
        String from = request.header(PREFIX + "from").orElse("");
        String messageType = request.header(PREFIX + "messagetype").orElse("");
        String hashFile = request.header(PREFIX + "hash-file").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (from.isEmpty() || hashFile.isEmpty() || !(messageType.equals("edoc") || messageType.equals("status"))
                || !"eDoc".equals(request.header(PREFIX + "servicetype").orElse(""))) {
            return VdxpReplies.fail(ErrorCodes.BAD_REQUEST,
                    "from, servicetype=eDoc, messagetype=edoc|status and hash-file are required");
        }
        if (!caller.organIds().contains(from)) {
            return VdxpReplies.fail(ErrorCodes.SENDER_NOT_SERVED, "system " + caller.id() + " does not serve " + from);
        }
        String contentType = request.header("Content-Type").orElse("");
        List<byte[]> candidates = new ArrayList<>();
        if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            Optional.ofNullable(request.parts().get("file_doc")).map(SimRequest.Part::content)
                    .ifPresent(candidates::add);
        } else {
            byte[] body = request.body();
            if (body.length >= 2 && body[body.length - 2] == '\r' && body[body.length - 1] == '\n') {
                candidates.add(java.util.Arrays.copyOf(body, body.length - 2)); // the official client's form
            }
            candidates.add(body);
        }
        if (candidates.isEmpty() || candidates.get(candidates.size() - 1).length == 0) {
            return VdxpReplies.fail(ErrorCodes.BAD_REQUEST,
                    "the package is required: the raw file as the body, or multipart part file_doc");
        }
        for (byte[] file : candidates) {
            byte[] digest = Sha256.digest(file);
            String sha256 = java.util.HexFormat.of().formatHex(digest);
            if (hashFile.equals(sha256) || hashFile.equals(Sha256.unpaddedHex(digest))) {
                Optional<String> duplicate = store.duplicateOf(caller.id(), sha256);
                if (duplicate.isPresent()) {
                    return VdxpReplies.ok(Map.of("DocId", duplicate.get()));
                }
                return accept(caller, from, messageType, hashFile, sha256, file);
            }
        }
        return VdxpReplies.fail(ErrorCodes.HASH_FILE_MISMATCH, "hash-file differs from the uploaded file's SHA-256");
    }

    private SimResponse accept(VdxpSystems.VdxpSystem caller, String from, String messageType, String hashFile,
            String sha256, byte[] file) {
        EdXmlPackage pkg;
        try {
            pkg = EdXml.read(new ByteArrayInputStream(file));
        } catch (EgovException | IllegalArgumentException e) {
            return VdxpReplies.fail(ErrorCodes.INVALID_PACKAGE, "the uploaded file is not a readable edXML package");
        }
        try (pkg) {
            boolean isStatus = pkg instanceof StatusPackage;
            if (isStatus != messageType.equals("status")) {
                return VdxpReplies.fail(ErrorCodes.INVALID_PACKAGE, "messagetype " + messageType
                        + " does not match the package");
            }
            List<String> organs = recipients(pkg);
            Map<String, List<String>> bySystem = new LinkedHashMap<>();
            for (String organ : organs) {
                Optional<String> system = systems.servingSystem(organ);
                if (system.isEmpty()) {
                    return VdxpReplies.fail(ErrorCodes.UNKNOWN_RECIPIENT, "no system serves recipient " + organ);
                }
                bySystem.computeIfAbsent(system.get(), k -> new ArrayList<>()).add(organ);
            }
            if (bySystem.isEmpty()) {
                return VdxpReplies.fail(ErrorCodes.UNKNOWN_RECIPIENT, "the package names no recipient");
            }
            Instant at = now.get();
            String title = pkg instanceof DocumentPackage d ? d.header().subject() : "";
            String notation = pkg instanceof DocumentPackage d ? d.header().code().asText() : "";
            VdxpStore.Sent sent = store.store(new VdxpStore.Sent("", caller.id(), from, messageType, hashFile, sha256,
                    title, notation, at, withAxisHop(pkg, at)), bySystem);
            return VdxpReplies.ok(Map.of("DocId", sent.docId()));
        }
    }

    private static List<String> recipients(EdXmlPackage pkg) {
        if (pkg instanceof StatusPackage s) {
            return s.responseFor().organId() == null || s.responseFor().organId().isEmpty() ? List.of()
                    : List.of(s.responseFor().organId().value());
        }
        return ((DocumentPackage) pkg).header().to().stream().map(Organization::organId).map(OrganId::value)
                .distinct().toList();
    }

    private byte[] withAxisHop(EdXmlPackage pkg, Instant at) {
        LocalDateTime wall = LocalDateTime.ofInstant(at, VdxpHeaderBundle.ZONE).truncatedTo(ChronoUnit.SECONDS);
        TraceHeader hop = TraceHeader.of(OrganId.of(axisOrganId), wall);
        EdXmlPackage stored;
        if (pkg instanceof DocumentPackage d) {
            stored = d.withHop(hop.organId(), wall);
        } else {
            StatusPackage s = (StatusPackage) pkg;
            TraceHeaderList trace = s.trace().map(t -> t.withHop(hop)).orElse(TraceHeaderList.of(hop, null));
            stored = new StatusPackage(s.from(), s.responseFor(), s.staff(), s.status(), s.description(),
                    s.timestamp(), Optional.of(trace), s.signature(), s.extensions());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(stored, out);
        return out.toByteArray();
    }
}
