package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.SyncDrainer;

/**
 * Keeps the national portal (DVCQG) up to date with the one-stop shop's dossiers: each change is recorded in a
 * {@link DossierOutbox} first, then a drain sends what is due through a {@link DossierTransport}, oldest first, so
 * that a crash or an outage loses nothing and sends nothing twice that the portal would count twice.
 *
 * <pre>{@code
 * DossierSync sync = DossierSync.builder(dvcqgClient).outbox(fileOutbox).build();
 * sync.record(dossier);                                   // validated; refused with every broken rule named
 * sync.recordProgress(step1, step2);
 * sync.recordStatus("H56-241205-00001", "processing", Instant.now());
 * try (DossierSyncLoop loop = sync.start()) {             // or call sync.drain() from the vendor's scheduler
 *     ...
 * }
 * }</pre>
 *
 * <h2>Recording</h2>
 * Every {@code record…} method validates first (nothing is recorded when a rule is broken: a
 * {@link ValidationException} lists every broken rule, naming the wire field), turns the value into its wire JSON
 * with every text in Unicode NFC, and enqueues it. <b>Text is sent in NFC</b>: the same dossier typed in NFC or in
 * NFD (decomposed Vietnamese diacritics, as some input methods produce) is the same JSON, so the same key and the
 * same record on the portal. Each item has a deterministic idempotency key, so recording the same change twice (a
 * retried transaction, a replayed event) sends it once while the outbox keeps the first entry:
 * <ul>
 *   <li>a dossier ({@link #record}, {@link #recordResult}): {@code D|MaHoSo|hash}, the hash being the first 128
 *       bits of the SHA-256 of the NFC wire JSON, base64url. The same content recorded again is one send; changed
 *       content is a new entry. (Content identical to an earlier recording still held in the outbox is not sent
 *       again, so a dossier changed back to an earlier content keeps the later one on the portal: a vendor
 *       whose dossiers can do that records them with {@link #record(Dossier, String)} and its own change id, keyed
 *       {@code D|MaHoSo|v:hash of the change id}.)</li>
 *   <li>a progress row: {@code P|MaHoSo|ThoiDiemXuLy|TrangThai|hash};</li>
 *   <li>a status change: {@code S|MaHoSo|TrangThaiHoSo|epoch second of changedAt|hash}, so a dossier going back
 *       to an earlier status later is sent again.</li>
 * </ul>
 * A {@code MaHoSo} longer than 80 characters (or holding {@code |}) appears in keys as its hash.
 *
 * <h2>Draining</h2>
 * {@link #drain()} sends the entries due, in outbox order:
 * <ul>
 *   <li><b>A dossier</b> is pushed as a create; if the portal answers that it already exists ("đã tồn tại",
 *       judged by {@link AdapterReply#alreadyExists() the code}, never by the text) the same record is pushed as an
 *       update. One dossier per call.</li>
 *   <li><b>Progress rows</b> go in batches of up to the batch size (10 by default), made of consecutive progress
 *       entries only, so entries never overtake each other (nor those of another dossier). <b>Status changes</b>
 *       likewise.</li>
 *   <li><b>Accepted</b>: the entries are marked sent. <b>A failure that may pass later</b> (anything the transport
 *       throws: network, timeout, 5xx, a reply that is not the envelope, the session rejected even after the
 *       client's own re-login; a push that certainly did not reach the portal, such as one refused for its session, is
 *       first made once more at once, after the client's new login): the entries are marked failed with a back-off and the drain stops there; later
 *       entries wait behind them (even a later drain or a new {@code DossierSync} waits until the failed entry is due
 *       again), so after an outage everything goes in the order recorded. <b>A refusal</b> (a reply with another
 *       {@code error_code}, such as {@code -1} bad request or {@code -4} not found): the entry is given up with the
 *       portal's message; a refused batch is sent again one row at a time (the portal stores nothing of a refused
 *       batch) so only the bad rows are given up.</li>
 *   <li><b>After a dossier is refused</b>, the progress rows and status changes of that dossier met later are given
 *       up too, without being sent (the portal holds no such dossier to attach them to), until a record of the
 *       dossier is accepted (the vendor fixes the dossier and records it again; to resend given-up rows, prune them
 *       from the outbox first, since their keys are still held). This memory lasts as long as this object; after a
 *       restart the portal itself refuses rows of a dossier it does not hold ({@code -4}).</li>
 *   <li><b>The attempt budget</b>: an entry whose sends began {@code maxAttempts} times without success is given
 *       up.</li>
 *   <li><b>Entries sent before without a known outcome</b> (found {@link OutboxState#SENDING}: the process died
 *       during a send, or before the outcome was recorded; or {@link OutboxState#FAILED} after a failure that may
 *       have reached the portal, such as a timeout or a 5xx after the portal stored the rows): dossiers and status
 *       changes are sent again (create, "đã tồn tại", update is idempotent; a status set twice is one status).
 *       Progress rows are not idempotent (the portal appends them), so before a row that was sent before (its
 *       {@link OutboxEntry#attempts()} above 0) is sent again, the transport is asked what the portal holds
 *       ({@link DossierTransport#findDossier}, once per dossier and drain window) and a row whose
 *       {@code ThoiDiemXuLy}, {@code TrangThai} and {@code NoiDungXuLy} match a row of its {@code DanhSachTienDo} is
 *       marked sent without being sent. <b>Where the transport cannot ask</b> (its {@code findDossier} is empty),
 *       the row is sent again: delivery is then at least once, and a row the portal got just before the crash
 *       appears twice in its history.</li>
 * </ul>
 * Each entry's outcome goes to the {@link SyncListener}; {@link DrainReport} counts them. What the outbox throws
 * ({@link OutboxStoreException}) ends the drain; what was recorded before is kept.
 *
 * <h2>Several nodes</h2>
 * Nodes sharing one outbox (a database table) each hold a {@code DossierSync} on it with the same
 * {@link DrainLeadership} (a lock in that database): any node records, in its own transaction through
 * {@link #recordIn(DossierOutbox)} if the outbox offers such a view, and only the node that leads drains, so the
 * entries go one at a time in the order recorded. When the leader dies another node takes the lead at its next
 * drain.
 *
 * <p>Thread-safe: records may come from any thread; drains run one at a time. One {@code DossierSync} per outbox and
 * node; several nodes on one outbox need a {@link DrainLeadership}.
 */
public final class DossierSync {
    private final DossierOutbox outbox;
    private final DossierTransport transport;
    private final DossierValidator validator;
    private final DossierStatusMapping statusMapping;
    private final DrainLeadership leadership;
    private final DossierRecorder recorder;
    private final SyncDrainer drainer;
    private final Duration loopInterval;
    private final Duration loopMaxBackoff;
    private final Duration closeTimeout;
    private final Clock clock;
    private final ReentrantLock drainLock = new ReentrantLock();
    private volatile Runnable onRecord = () -> { };
    private DossierSyncLoop loop;

    DossierSync(DossierSyncBuilder b, DossierOutbox outbox) {
        this.outbox = outbox;
        this.validator = b.validator;
        this.statusMapping = b.statusMapping;
        this.loopInterval = b.loopInterval;
        this.loopMaxBackoff = b.loopMaxBackoff;
        this.closeTimeout = b.closeTimeout;
        this.clock = b.clock;
        this.transport = b.transport;
        this.leadership = b.leadership;
        this.recorder = new DossierRecorder(outbox, transport, validator, statusMapping, () -> onRecord.run());
        int batch = Math.min(b.batchSize, Math.max(1, b.transport.maxRecordsPerCall()));
        this.drainer = new SyncDrainer(b.transport, outbox, b.clock, batch, b.maxAttempts, b.backoff,
                b.listener, leadership::tryLead);
    }

    /**
     * A builder.
     *
     * @param transport where records go: a {@link DvcqgAdapterClient} or a province's endpoints
     * @return the builder
     * @throws ValidationException when {@code transport} is null
     */
    public static DossierSyncBuilder builder(DossierTransport transport) {
        return new DossierSyncBuilder(transport);
    }

    /**
     * Records a dossier ({@code DongBoHoSoMC}) to be created on the portal, or updated if it holds it.
     *
     * @param dossier the dossier
     * @return its outbox entry (the one already held, when the same content was recorded before)
     * @throws ValidationException listing every rule the dossier breaks; nothing is recorded then
     */
    public OutboxEntry record(Dossier dossier) {
        return recorder.record(dossier);
    }

    /**
     * Records a dossier under the vendor's own id of this change (a row version, an event id) instead of its
     * content: the same change id recorded twice is one send, and a dossier whose content goes back to an earlier
     * content under a new change id is sent again (which {@link #record(Dossier)} would not do).
     *
     * @param dossier the dossier
     * @param changeId the vendor's id of this change of the dossier, non-blank
     * @return its outbox entry (the one already held, when the same change id was recorded before)
     * @throws ValidationException listing every rule the dossier breaks, or naming {@code changeId} when blank;
     *         nothing is recorded then
     */
    public OutboxEntry record(Dossier dossier, String changeId) {
        return recorder.record(dossier, changeId);
    }

    /**
     * Records the final update of a dossier: its result returned ({@code TrangThaiHoSo} 10, {@code NgayTra} set),
     * with its result papers ({@code DanhSachGiayToKetQua}) when there are any.
     *
     * @param dossier the dossier in its final state
     * @return its outbox entry
     * @throws ValidationException listing every broken rule, the status not being 10 or {@code NgayTra} missing
     *         included; nothing is recorded then
     */
    public OutboxEntry recordResult(Dossier dossier) {
        return recorder.recordResult(dossier);
    }

    /**
     * Records progress rows ({@code CapNhatTienDoHoSoMC}), in the order given, all or none.
     *
     * @param rows the rows, at least one
     * @return their outbox entries, in order
     * @throws ValidationException listing every rule any row breaks (paths such as
     *         {@code DossierProgress[2].NguoiXuLy}), or when the transport takes no progress rows
     *         ({@link DossierTransport#accepts}); nothing is recorded then
     */
    public List<OutboxEntry> recordProgress(DossierProgress... rows) {
        return recorder.recordProgress(rows);
    }

    /**
     * Records progress rows ({@code CapNhatTienDoHoSoMC}), in the order given, all or none.
     *
     * @param rows the rows, at least one
     * @return their outbox entries, in order
     * @throws ValidationException listing every rule any row breaks; nothing is recorded then
     */
    public List<OutboxEntry> recordProgress(List<DossierProgress> rows) {
        return recorder.recordProgress(rows);
    }

    /**
     * Records a status change ({@code DongBoTrangThaiHoSo}).
     *
     * @param change the change
     * @return its outbox entry
     * @throws ValidationException when {@code change} is null, or the transport takes no status changes
     *         ({@link DossierTransport#accepts})
     */
    public OutboxEntry recordStatus(DossierStatusChange change) {
        return recorder.recordStatus(change);
    }

    /**
     * Records a status change given in the vendor's own status, mapped by the
     * {@linkplain DossierSyncBuilder#statusMapping status mapping}.
     *
     * @param maHoSo the dossier code
     * @param vendorStatus the vendor's status, for example {@code processing} with the default mapping
     * @param changedAt when it changed
     * @return its outbox entry
     * @throws ValidationException when the status is not mapped (naming it) or an argument is missing
     */
    public OutboxEntry recordStatus(String maHoSo, String vendorStatus, Instant changedAt) {
        return recorder.recordStatus(maHoSo, vendorStatus, changedAt);
    }

    /**
     * A recorder writing into another view of this sync's outbox, with the same validation, NFC normalisation and
     * idempotency keys as this sync's own {@code record…} methods: typically the vendor's database transaction, so
     * that its own change and the push to the portal commit together or not at all.
     *
     * <pre>{@code
     * sync.recordIn(jdbcOutbox.inTransaction(tx)).record(dossier);   // then tx.commit() or tx.rollback()
     * }</pre>
     *
     * The view must write where this sync (or another node's sync) drains from: a view of another store is never
     * drained. A record through a view does not wake this sync's loop (the entry is not visible before the
     * vendor commits): a loop sees it at its next turn, within the loop's {@linkplain DossierSyncBuilder#loopMaxBackoff
     * maximum back-off}.
     *
     * @param view the outbox view to record into
     * @return a recorder on it
     * @throws ValidationException naming {@code outbox} when it is null
     */
    public DossierRecorder recordIn(DossierOutbox view) {
        ValidationException.requireNonNull(view, "outbox");
        return new DossierRecorder(view, transport, validator, statusMapping, () -> { });
    }

    /**
     * Sends the entries due now, oldest first, until none is left or one fails in a way that may pass later (see
     * the class description). Waits for a drain running on another thread (the background loop's) to end first.
     * With a {@linkplain DossierSyncBuilder#leadership leadership} (several nodes on one outbox) it sends nothing
     * unless this node leads, and stops before the next send once it no longer does; the report then says so in
     * {@link DrainReport#stoppedBy()}.
     *
     * @return what was done
     * @throws OutboxStoreException (or what a vendor's outbox throws) when the outbox cannot be read or written
     */
    public DrainReport drain() {
        drainLock.lock();
        try {
            if (!leadership.tryLead()) {
                return new DrainReport(0, 0, 0, 0, 0, 0, Optional.of(SyncDrainer.NOT_LEADING), Optional.empty());
            }
            return drainer.drain();
        } finally {
            drainLock.unlock();
        }
    }

    /**
     * Starts draining in the background on one daemon thread (see {@link DossierSyncLoop}); close the loop to stop
     * it. At most one loop per sync.
     *
     * @return the running loop
     * @throws ValidationException if a loop of this sync is already running
     */
    public synchronized DossierSyncLoop start() {
        if (loop != null && !loop.isClosed()) {
            throw ValidationException.of("dossierSync.loop.running", "DossierSync.start",
                    "a loop of this sync is running: close it before starting another");
        }
        loop = new DossierSyncLoop(this, loopInterval, loopMaxBackoff, closeTimeout, clock);
        DossierSyncLoop started = loop;
        onRecord = started::wake;
        started.begin();
        return started;
    }

    synchronized void stopped(DossierSyncLoop stopped) {
        if (loop == stopped) {
            onRecord = () -> { };
            loop = null;
        }
    }

    /**
     * The outbox this sync records into (for {@link DossierOutbox#counts()} as a backlog gauge, or pruning).
     *
     * @return the outbox
     */
    public DossierOutbox outbox() {
        return outbox;
    }

    @Override
    public String toString() {
        return "DossierSync[" + outbox.getClass().getSimpleName() + "]";
    }
}
