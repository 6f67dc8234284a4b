package vn.egov.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.dossier.InMemoryDossierOutbox;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Draining a backlog of 10,000 dossiers through {@code DossierSync} to the sandbox's simulated portal adapter (in
 * this JVM), one operation per iteration ({@code SingleShotTime}), and how much the heap grew. Before each
 * iteration, outside the timing, the simulator is emptied, a new {@code InMemoryDossierOutbox} and {@code DossierSync}
 * are made and the 10,000 dossiers are recorded (the backlog). The operation drains until the outbox holds nothing
 * due (each dossier is one {@code DongBoHoSoMC} create). Used heap is read after a full collection
 * ({@code System.gc()} twice) at four points and printed per iteration:
 *
 * <ul>
 *   <li>{@code before}: the backlog recorded, nothing sent;</li>
 *   <li>{@code drained}: everything sent: the growth counts the simulator's copy of the 10,000 dossiers (it keeps
 *       them, as the portal does) and the outbox's sent entries;</li>
 *   <li>{@code portalEmptied}: the simulator's state reset: the growth left is the SDK's (the outbox keeps sent
 *       entries, with their payloads, until pruned: up to 100,000 by default);</li>
 *   <li>{@code pruned}: after {@code outbox.prune()}.</li>
 * </ul>
 *
 * The target (docs/PERFORMANCE.md): the SDK's growth while draining ≤ 32 MB. Run with {@code -prof gc} for the
 * allocation per drain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms512m", "-Xmx512m"})
public class DossierBacklogBench {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final double MIB = 1024.0 * 1024.0;

    @Param("10000")
    int backlog;

    NationalSandbox sandbox;
    DvcqgAdapterClient client;
    InMemoryDossierOutbox outbox;
    DossierSync sync;
    long before;

    @Setup(Level.Trial)
    public void startSandbox() {
        sandbox = NationalSandbox.start();
        client = DvcqgAdapterClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.dvcqg().adapterUrl())
                        .readTimeout(Duration.ofSeconds(30)).build())
                .account(DvcqgPortalSandbox.USERNAME, Secret.of(DvcqgPortalSandbox.PASSWORD))
                .madonvi(DvcqgPortalSandbox.MADONVI)
                .dstcode(DvcqgPortalSandbox.DSTCODE)
                .build();
    }

    @Setup(Level.Iteration)
    public void recordBacklog() {
        sandbox.reset();
        outbox = new InMemoryDossierOutbox();
        sync = DossierSync.builder(client).outbox(outbox).build();
        ZonedDateTime received = ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, HCM);
        for (int i = 0; i < backlog; i++) {
            sync.record(dossier(i, received.plusMinutes(i)));
        }
        before = usedAfterGc();
    }

    /** Drains the backlog; returns how many entries were sent. */
    @Benchmark
    public int drain() {
        DrainReport report = sync.drain();
        if (!report.complete() || report.sent() != backlog) {
            throw new IllegalStateException("the backlog did not drain: " + report);
        }
        return report.sent();
    }

    @TearDown(Level.Iteration)
    public void measure() {
        long drained = usedAfterGc();
        int held = sandbox.dvcqg().dossiers().size();
        sandbox.reset();
        long portalEmptied = usedAfterGc();
        int pruned = outbox.prune();
        long afterPrune = usedAfterGc();
        System.out.printf("%nheap: before %.1f MiB (backlog of %,d recorded); growth: drained %+.1f MiB (portal holds"
                + " %,d), portal emptied %+.1f MiB (the SDK's), outbox pruned (%,d entries) %+.1f MiB%n",
                before / MIB, backlog, (drained - before) / MIB, held, (portalEmptied - before) / MIB, pruned,
                (afterPrune - before) / MIB);
        if (held != backlog) {
            throw new IllegalStateException("the portal holds " + held + " dossiers, not " + backlog);
        }
    }

    @TearDown(Level.Trial)
    public void stopSandbox() {
        client.close();
        sandbox.close();
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static Dossier dossier(int i, ZonedDateTime received) {
        String code = String.format("000.00.12.H56-261201-%05d", i);
        return Dossier.builder()
                .dossierCode(code)
                .procedureCode("1.003560.000.00.00.H56")
                .procedureName("Cấp giấy phép xây dựng đối với công trình không theo tuyến, nhà ở riêng lẻ")
                .fieldCode("G03-GD10")
                .fieldName("Hoạt động xây dựng")
                .channel(SubmissionChannel.DIRECT)
                .receiptNumber("BN-" + code)
                .holderDocumentNumber(String.format("0010990%05d", i))
                .holderName("Nguyễn Thị Hồng Nhung")
                .subjectType(SubjectType.CITIZEN)
                .phone("0912345678")
                .summary("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại thửa đất số " + i
                        + ", phường Lộc Thọ, thành phố Nha Trang")
                .receivedAt(received)
                .dueAt(received.plusDays(15))
                .status(DossierStatus.NEW)
                .delivery(DeliveryMethod.OTHER)
                .handlingUnit("Ủy ban nhân dân thành phố Nha Trang")
                .fees(List.of(new Fee("Lệ phí cấp giấy phép xây dựng", "LP01", "1", "75000", "2")))
                .onlinePayment("1")
                .build();
    }
}
