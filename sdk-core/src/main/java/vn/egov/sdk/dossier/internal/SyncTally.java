package vn.egov.sdk.dossier.internal;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.SyncListener;
import vn.egov.sdk.dossier.SyncOutcome;

/** Counts what one drain did and tells the listener of each outcome. Internal; one per drain. */
final class SyncTally {
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.dossier.sync");

    private final SyncListener listener;
    private int sent;
    private int updated;
    private int alreadyHeld;
    private int failed;
    private int givenUp;
    private int calls;

    SyncTally(SyncListener listener) {
        this.listener = listener;
    }

    void call() {
        calls++;
    }

    void outcome(OutboxEntry e, SyncOutcome.Result result, String detail) {
        switch (result) {
            case SENT -> sent++;
            case UPDATED -> {
                sent++;
                updated++;
            }
            case ALREADY_HELD -> alreadyHeld++;
            case FAILED -> failed++;
            case GIVEN_UP -> {
                givenUp++;
                LOG.warn("DVCQG sync gave up outbox entry #{} ({} of {}): {}", e.sequence(), e.item().kind(),
                        e.item().maHoSo(), detail);
            }
        }
        if (listener == null) {
            return;
        }
        try {
            listener.onOutcome(new SyncOutcome(e.sequence(), e.item().kind(), e.item().maHoSo(), result, detail));
        } catch (RuntimeException ex) {
            LOG.warn("DVCQG sync listener threw on entry #{}; ignored: {}", e.sequence(), ex.toString());
        }
    }

    DrainReport report(String stoppedBy, Instant retryAt) {
        return new DrainReport(sent, updated, alreadyHeld, failed, givenUp, calls, Optional.ofNullable(stoppedBy),
                Optional.ofNullable(retryAt));
    }
}
