package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.AdapterReply;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierTransport;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.SyncListener;
import vn.egov.sdk.dossier.SyncOutcome.Result;

/**
 * One drain of a dossier outbox, oldest entry first; the rules are documented on {@code DossierSync}. Not
 * thread-safe: {@code DossierSync} runs one drain at a time. Internal.
 */
public final class SyncDrainer {
    /** Why a drain of a node that does not (or no longer) lead sent nothing more. */
    public static final String NOT_LEADING = "not the draining node: another node leads the drain";
    /** How far ahead the drain looks, so that an entry backing off is seen and keeps its place in the order. */
    private static final Duration HORIZON = Duration.ofDays(3650);
    private static final int MAX_REFUSED_REMEMBERED = 10_000;

    private final DossierTransport transport;
    private final DossierOutbox outbox;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final RetryPolicy backoff;
    private final SyncListener listener;
    private final BooleanSupplier leading;
    private final int window;
    /** Dossiers the portal refused (MaHoSo → why), until one of their records is accepted. */
    private final Map<String, String> refused = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REFUSED_REMEMBERED;
        }
    };

    /**
     * A drainer.
     *
     * @param transport where records go
     * @param outbox what to send
     * @param clock the time
     * @param batchSize progress rows (and status changes) per call
     * @param maxAttempts the attempt budget of an entry, 0 for none
     * @param backoff the waits after failed attempts
     * @param listener told of every outcome, or null
     * @param leading asked before each send whether this node still leads the drain
     */
    public SyncDrainer(DossierTransport transport, DossierOutbox outbox, Clock clock, int batchSize, int maxAttempts,
            RetryPolicy backoff, SyncListener listener, BooleanSupplier leading) {
        this.transport = transport;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.listener = listener;
        this.leading = leading;
        this.window = Math.max(100, batchSize * 4);
    }

    /**
     * Sends every due entry, oldest first, until none is left or one fails in a way that may pass later.
     *
     * @return what was done
     */
    public DrainReport drain() {
        SyncTally tally = new SyncTally(listener);
        // what this drain settled: an entry due again after that was not recorded by the outbox (an entry below
        // them that shows up later is one whose recording transaction committed late, and is sent)
        Set<Long> settled = new HashSet<>();
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> due = outbox.due(window, now.plus(HORIZON));
            if (due.isEmpty()) {
                return tally.report(null, null);
            }
            if (settled.contains(due.get(0).sequence())) {
                return tally.report("the outbox did not record the outcome of entry #" + due.get(0).sequence(),
                        null);
            }
            Map<String, Optional<JsonNode>> lookups = new HashMap<>();
            int i = 0;
            while (i < due.size()) {
                OutboxEntry e = due.get(i);
                if (e.state() == OutboxState.FAILED && e.nextAttemptAt().isAfter(now)) {
                    return tally.report("entry #" + e.sequence() + " is backing off: " + e.lastError(),
                            e.nextAttemptAt());
                }
                if (maxAttempts > 0 && e.attempts() >= maxAttempts) {
                    giveUp(List.of(e), "the attempt budget of " + maxAttempts + " is spent; last error: "
                            + e.lastError(), tally);
                    settled.add(e.sequence());
                    i++;
                    continue;
                }
                int end = i + 1;
                if (e.item().kind() != OutboxKind.DOSSIER) {
                    while (end < due.size() && end - i < batchSize && joins(due.get(end), e.item().kind(), now)) {
                        end++;
                    }
                    if (end == due.size() && due.size() == window && i > 0 && end - i < batchSize) {
                        break; // the run may go on past this window: read again from here
                    }
                }
                if (!leading.getAsBoolean()) {
                    return tally.report(NOT_LEADING, null);
                }
                Failure stop = e.item().kind() == OutboxKind.DOSSIER ? sendDossier(e, tally)
                        : sendRun(due.subList(i, end), lookups, tally);
                if (stop != null) {
                    return tally.report(stop.reason, stop.retryAt);
                }
                due.subList(i, end).forEach(x -> settled.add(x.sequence()));
                i = end;
            }
        }
    }

    private boolean joins(OutboxEntry next, OutboxKind kind, Instant now) {
        return next.item().kind() == kind
                && !(next.state() == OutboxState.FAILED && next.nextAttemptAt().isAfter(now))
                && !(maxAttempts > 0 && next.attempts() >= maxAttempts);
    }

    private Failure sendDossier(OutboxEntry e, SyncTally tally) {
        ObjectNode record = payload(e, tally);
        if (record == null) {
            return null;
        }
        outbox.markSending(List.of(e.sequence()));
        AdapterReply reply;
        boolean updated = false;
        try {
            reply = once(() -> transport.pushDossiers(List.of(record), false), tally);
            if (reply.alreadyExists()) {
                updated = true;
                reply = once(() -> transport.pushDossiers(List.of(record), true), tally);
            }
        } catch (ValidationException ex) {
            giveUp(List.of(e), "the transport refused the record: " + ex.getMessage(), tally);
            return null;
        } catch (RuntimeException ex) {
            return fail(List.of(e), e.attempts() + 1, ex, tally);
        }
        if (reply.success()) {
            outbox.markSent(List.of(e.sequence()));
            refused.remove(e.item().maHoSo());
            tally.outcome(e, updated ? Result.UPDATED : Result.SENT, "");
        } else {
            String why = refusal(reply);
            giveUp(List.of(e), why, tally);
            refused.put(e.item().maHoSo(), "entry #" + e.sequence() + " " + why);
        }
        return null;
    }

    private Failure sendRun(List<OutboxEntry> run, Map<String, Optional<JsonNode>> lookups, SyncTally tally) {
        List<OutboxEntry> entries = new ArrayList<>();
        List<ObjectNode> records = new ArrayList<>();
        for (OutboxEntry e : run) {
            String blocked = refused.get(e.item().maHoSo());
            if (blocked != null) {
                giveUp(List.of(e), "not sent: the portal refused dossier " + e.item().maHoSo() + " (" + blocked
                        + ")", tally);
                continue;
            }
            ObjectNode record = payload(e, tally);
            if (record == null) {
                continue;
            }
            if (e.item().kind() == OutboxKind.PROGRESS && e.attempts() > 0) {
                // an earlier send began (the process died in it, or it failed after it may have reached the
                // portal): ask what the portal holds before appending the row again
                Optional<JsonNode> held;
                try {
                    held = lookups.computeIfAbsent(e.item().maHoSo(), code -> {
                        tally.call();
                        return transport.findDossier(code);
                    });
                } catch (RuntimeException ex) {
                    return fail(List.of(e), Math.max(1, e.attempts()), ex, tally);
                }
                if (held.isPresent() && SyncRows.holds(held.get(), record)) {
                    outbox.markSent(List.of(e.sequence()));
                    tally.outcome(e, Result.ALREADY_HELD, "the portal already held this row");
                    continue;
                }
            }
            entries.add(e);
            records.add(record);
        }
        if (entries.isEmpty()) {
            return null;
        }
        outbox.markSending(sequences(entries));
        AdapterReply reply;
        try {
            reply = push(entries.get(0).item().kind(), records, tally);
        } catch (RuntimeException ex) {
            return fail(entries, entries.get(0).attempts() + 1, ex, tally);
        }
        if (reply.success()) {
            settle(entries, tally);
            return null;
        }
        if (entries.size() == 1) {
            giveUp(entries, refusal(reply), tally);
            return null;
        }
        return sendOneByOne(entries, records, tally);
    }

    /** A refused batch: the portal stores nothing of a refused batch, so each row is sent alone to find the bad one. */
    private Failure sendOneByOne(List<OutboxEntry> entries, List<ObjectNode> records, SyncTally tally) {
        for (int k = 0; k < entries.size(); k++) {
            OutboxEntry e = entries.get(k);
            if (!leading.getAsBoolean()) {
                return new Failure(NOT_LEADING, null);
            }
            AdapterReply reply;
            try {
                reply = push(e.item().kind(), List.of(records.get(k)), tally);
            } catch (RuntimeException ex) {
                return fail(entries.subList(k, entries.size()), e.attempts() + 1, ex, tally);
            }
            if (reply.success()) {
                settle(List.of(e), tally);
            } else {
                giveUp(List.of(e), refusal(reply), tally);
            }
        }
        return null;
    }

    private AdapterReply push(OutboxKind kind, List<ObjectNode> records, SyncTally tally) {
        return once(() -> kind == OutboxKind.PROGRESS ? transport.pushProgress(records)
                : transport.pushStatus(records), tally);
    }

    /**
     * One push, made a second time at once when the first certainly did not reach the portal and may pass now
     * (the session was rejected, so the client logged in again; a connection refused).
     */
    private static AdapterReply once(Supplier<AdapterReply> push, SyncTally tally) {
        tally.call();
        try {
            return push.get();
        } catch (AdapterException e) {
            if (e.mayHaveReachedServer() || !e.retryable()) {
                throw e;
            }
            tally.call();
            return push.get();
        }
    }

    private void settle(List<OutboxEntry> entries, SyncTally tally) {
        outbox.markSent(sequences(entries));
        entries.forEach(e -> tally.outcome(e, Result.SENT, ""));
    }

    private ObjectNode payload(OutboxEntry e, SyncTally tally) {
        Optional<JsonNode> parsed = Json.tryParseObject(e.item().payload());
        if (parsed.isPresent() && parsed.get().isObject()) {
            return (ObjectNode) parsed.get();
        }
        giveUp(List.of(e), "the recorded payload is not a JSON object", tally);
        return null;
    }

    private Failure fail(List<OutboxEntry> entries, int attempts, RuntimeException ex, SyncTally tally) {
        Instant retryAt = clock.instant().plus(backoff.delayBefore(attempts + 1, Optional.empty())
                .orElse(Duration.ofSeconds(1)));
        String why = describe(ex);
        outbox.markFailed(sequences(entries), why, retryAt);
        entries.forEach(e -> tally.outcome(e, Result.FAILED, why));
        return new Failure("entry #" + entries.get(0).sequence() + " failed: " + why, retryAt);
    }

    private void giveUp(List<OutboxEntry> entries, String why, SyncTally tally) {
        outbox.markGivenUp(sequences(entries), why);
        entries.forEach(e -> tally.outcome(e, Result.GIVEN_UP, why));
    }

    private static String refusal(AdapterReply reply) {
        return "refused by the portal with error_code " + Redactor.printable(reply.errorCode(), 40) + ": "
                + Redactor.printable(reply.message(), 300);
    }

    private static String describe(RuntimeException ex) {
        String message = ex.getMessage() == null ? "" : ": " + Redactor.printable(ex.getMessage(), 300);
        return ex.getClass().getSimpleName() + message;
    }

    private static List<Long> sequences(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::sequence).toList();
    }

    /** Why a drain stopped, and when the entry is due again. */
    private record Failure(String reason, Instant retryAt) {
    }
}
