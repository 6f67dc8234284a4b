package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.SyncKeys;

/**
 * Records changes into one {@link DossierOutbox}: validated, turned into wire JSON in Unicode NFC and keyed, exactly
 * as {@link DossierSync}'s own {@code record…} methods do (they use a recorder on the sync's outbox). Get one bound
 * to another view of the outbox with {@link DossierSync#recordIn(DossierOutbox)}, for example to record in the
 * vendor's own database transaction:
 *
 * <pre>{@code
 * tx.setAutoCommit(false);
 * updateOwnDossierRow(tx);                                   // the vendor's change
 * sync.recordIn(jdbcOutbox.inTransaction(tx)).record(dossier); // the push, in the same transaction
 * tx.commit();                                               // both, or (rollback) neither
 * }</pre>
 *
 * The rules (validation, NFC, idempotency keys) are documented on {@link DossierSync}. Thread-safe when its outbox is.
 */
public final class DossierRecorder {
    private final DossierOutbox outbox;
    private final DossierTransport transport;
    private final DossierValidator validator;
    private final DossierStatusMapping statusMapping;
    private final Runnable onRecord;

    DossierRecorder(DossierOutbox outbox, DossierTransport transport, DossierValidator validator,
            DossierStatusMapping statusMapping, Runnable onRecord) {
        this.outbox = outbox;
        this.transport = transport;
        this.validator = validator;
        this.statusMapping = statusMapping;
        this.onRecord = onRecord;
    }

    /**
     * Records a dossier ({@code DongBoHoSoMC}) to be created on the portal, or updated if it holds it.
     *
     * @param dossier the dossier
     * @return its outbox entry (the one already held, when the same content was recorded before)
     * @throws ValidationException listing every rule the dossier breaks; nothing is recorded then
     */
    public OutboxEntry record(Dossier dossier) {
        return enqueueDossier(dossier, List.of(), null);
    }

    /**
     * Records a dossier under the vendor's own id of this change (see {@link DossierSync#record(Dossier, String)}).
     *
     * @param dossier the dossier
     * @param changeId the vendor's id of this change of the dossier, non-blank
     * @return its outbox entry (the one already held, when the same change id was recorded before)
     * @throws ValidationException listing every rule the dossier breaks, or naming {@code changeId} when blank;
     *         nothing is recorded then
     */
    public OutboxEntry record(Dossier dossier, String changeId) {
        ValidationException.requireText(changeId, "changeId");
        return enqueueDossier(dossier, List.of(), changeId);
    }

    /**
     * Records the final update of a dossier: its result returned ({@code TrangThaiHoSo} 10, {@code NgayTra} set).
     *
     * @param dossier the dossier in its final state
     * @return its outbox entry
     * @throws ValidationException listing every broken rule, the status not being 10 or {@code NgayTra} missing
     *         included; nothing is recorded then
     */
    public OutboxEntry recordResult(Dossier dossier) {
        ValidationException.requireNonNull(dossier, "Dossier");
        List<FieldError> extra = new ArrayList<>();
        if (dossier.status() != null && !DossierStatus.DONE.equals(dossier.status())) {
            extra.add(new FieldError("result.status", "Dossier.TrangThaiHoSo",
                    "must be 10 (đã trả kết quả) in a result, was " + dossier.status().code()));
        }
        if (dossier.returnedAt() == null) {
            extra.add(new FieldError("result.returnedAt", "Dossier.NgayTra", "is required in a result"));
        }
        return enqueueDossier(dossier, extra, null);
    }

    /**
     * Records progress rows ({@code CapNhatTienDoHoSoMC}), in the order given, all or none.
     *
     * @param rows the rows, at least one
     * @return their outbox entries, in order
     * @throws ValidationException listing every rule any row breaks, or when the transport takes no progress rows;
     *         nothing is recorded then
     */
    public List<OutboxEntry> recordProgress(DossierProgress... rows) {
        return recordProgress(rows == null ? null : Arrays.asList(rows));
    }

    /**
     * Records progress rows ({@code CapNhatTienDoHoSoMC}), in the order given, all or none.
     *
     * @param rows the rows, at least one
     * @return their outbox entries, in order
     * @throws ValidationException listing every rule any row breaks (paths such as
     *         {@code DossierProgress[2].NguoiXuLy}), or when the transport takes no progress rows; nothing is
     *         recorded then
     */
    public List<OutboxEntry> recordProgress(List<DossierProgress> rows) {
        requireAccepted(OutboxKind.PROGRESS);
        if (rows == null || rows.isEmpty()) {
            throw ValidationException.of("dossierSync.progress.empty", "rows", "give at least one progress row");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DossierProgress row = rows.get(i);
            String at = rows.size() == 1 ? "DossierProgress" : "DossierProgress[" + i + "]";
            if (row == null) {
                errors.add(new FieldError("required", at, "a progress row is required"));
                continue;
            }
            for (FieldError e : validator.check(row)) {
                errors.add(new FieldError(e.code(), e.path().replaceFirst("^DossierProgress", at), e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<OutboxItem> items = new ArrayList<>(rows.size());
        for (DossierProgress row : rows) {
            ObjectNode wire = SyncKeys.nfc(row.toWire());
            String payload = wire.toString();
            items.add(new OutboxItem(SyncKeys.progress(row.dossierCode(), wire.path("ThoiDiemXuLy").asText(),
                    row.status().code(), payload), OutboxKind.PROGRESS, SyncKeys.nfc(row.dossierCode()), payload));
        }
        List<OutboxEntry> entries = outbox.enqueue(items);
        onRecord.run();
        return entries;
    }

    /**
     * Records a status change ({@code DongBoTrangThaiHoSo}).
     *
     * @param change the change
     * @return its outbox entry
     * @throws ValidationException when {@code change} is null, or the transport takes no status changes
     */
    public OutboxEntry recordStatus(DossierStatusChange change) {
        requireAccepted(OutboxKind.STATUS);
        ValidationException.requireNonNull(change, "DossierStatusChange");
        ObjectNode wire = SyncKeys.nfc(change.toWire());
        String payload = wire.toString();
        String code = SyncKeys.nfc(change.dossierCode());
        OutboxItem item = new OutboxItem(SyncKeys.status(code, change.status().code(),
                change.changedAt().getEpochSecond(), payload), OutboxKind.STATUS, code, payload);
        OutboxEntry entry = outbox.enqueue(List.of(item)).get(0);
        onRecord.run();
        return entry;
    }

    /**
     * Records a status change given in the vendor's own status, mapped by the sync's
     * {@linkplain DossierSyncBuilder#statusMapping status mapping}.
     *
     * @param maHoSo the dossier code
     * @param vendorStatus the vendor's status, for example {@code processing} with the default mapping
     * @param changedAt when it changed
     * @return its outbox entry
     * @throws ValidationException when the status is not mapped (naming it) or an argument is missing
     */
    public OutboxEntry recordStatus(String maHoSo, String vendorStatus, Instant changedAt) {
        return recordStatus(new DossierStatusChange(maHoSo, statusMapping.map(vendorStatus), changedAt));
    }

    private void requireAccepted(OutboxKind kind) {
        if (!transport.accepts(kind)) {
            throw ValidationException.of("dossierSync.kind.unsupported", "DossierTransport." + kind,
                    "the transport (" + transport.getClass().getSimpleName() + ") has no endpoint for "
                            + kind.name().toLowerCase(Locale.ROOT)
                            + " records (a province exposing no such URL): nothing was recorded");
        }
    }

    private OutboxEntry enqueueDossier(Dossier dossier, List<FieldError> extra, String changeId) {
        requireAccepted(OutboxKind.DOSSIER);
        List<FieldError> errors = new ArrayList<>(validator.check(dossier));
        errors.addAll(extra);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ObjectNode wire = SyncKeys.nfc(dossier.toWire());
        String payload = wire.toString();
        String code = SyncKeys.nfc(dossier.dossierCode());
        String key = changeId == null ? SyncKeys.dossier(code, payload) : SyncKeys.dossierChange(code, changeId);
        OutboxEntry entry = outbox.enqueue(List.of(new OutboxItem(key, OutboxKind.DOSSIER, code, payload))).get(0);
        onRecord.run();
        return entry;
    }

    @Override
    public String toString() {
        return "DossierRecorder[" + outbox.getClass().getSimpleName() + "]";
    }
}
