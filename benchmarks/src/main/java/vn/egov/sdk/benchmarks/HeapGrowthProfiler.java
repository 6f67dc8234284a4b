package vn.egov.sdk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * How much the Java heap grows during each iteration, measured at every garbage collection; with
 * {@code Mode.SingleShotTime} an iteration is one operation. Use it with
 * {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler}. It adds three secondary results:
 *
 * <ul>
 *   <li>{@code heap.retainedGrowth} (MiB): the largest heap occupancy <em>after</em> a collection during the
 *       iteration, minus the occupancy before it started. What a collection could not free is what the operation
 *       kept reachable (its buffers, a growing array, anything held for the whole operation) plus old-generation
 *       garbage not yet collected, so this bounds the operation's live memory from above. If no collection
 *       happened during the iteration it is the occupancy at its end, garbage included.</li>
 *   <li>{@code heap.peakGrowth} (MiB): the largest heap occupancy <em>before</em> a collection (or at the end of
 *       the iteration), minus the same baseline: the high-water mark, garbage included. Its size follows from how
 *       large G1 makes the eden for the given {@code -Xmx}, more than from the code measured.</li>
 *   <li>{@code heap.gcs}: how many collections the iteration had, that is how many samples the two numbers above
 *       are the maximum of.</li>
 * </ul>
 *
 * The growth results aggregate with MAX: the score is the worst measured iteration of all forks. Occupancies are
 * the sums over the heap's memory pools of the usage before and after each collection, as the JVM reports them in
 * its {@link GarbageCollectionNotificationInfo GC notifications} (one consistent snapshot per collection). Before
 * each iteration, outside the benchmark's timing, a {@link System#gc()} (a full, stop-the-world collection unless
 * {@code -XX:+ExplicitGCInvokesConcurrent}) gives a clean baseline; after it the profiler waits until the
 * notifications of every collection of the iteration have arrived.
 */
public final class HeapGrowthProfiler implements InternalProfiler {
    private static final double MIB = 1024.0 * 1024.0;
    private static final long WAIT_NANOS = 2_000_000_000L;

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final Object lock = new Object();
    /** Per collector, the id (= that collector's collection count) of the last collection notified. */
    private final Map<String, Long> lastNotified = new HashMap<>();
    private boolean measuring;
    private long gcs;
    private long maxAfter;
    private long maxBefore;
    private long baseline;

    /** Listens to this JVM's collections. */
    public HeapGrowthProfiler() {
        for (GarbageCollectorMXBean gc : collectors) {
            ((NotificationEmitter) gc).addNotificationListener(this::onNotification, null, null);
        }
        synchronized (lock) {
            // collections before the listeners were added are never notified: count them as seen
            for (GarbageCollectorMXBean gc : collectors) {
                lastNotified.merge(gc.getName(), Math.max(0, gc.getCollectionCount()), Math::max);
            }
        }
    }

    @Override
    public String getDescription() {
        return "Heap growth per iteration from the heap occupancy at each GC (retained after GC, peak before GC), MiB";
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        GcInfo info = gc.getGcInfo();
        long before = heapSum(info.getMemoryUsageBeforeGc());
        long after = heapSum(info.getMemoryUsageAfterGc());
        synchronized (lock) {
            lastNotified.merge(gc.getGcName(), info.getId(), Math::max);
            if (measuring) {
                gcs++;
                maxBefore = Math.max(maxBefore, before);
                maxAfter = Math.max(maxAfter, after);
            }
            lock.notifyAll();
        }
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        System.gc();
        awaitNotifications();
        synchronized (lock) {
            baseline = heapUsed();
            maxBefore = baseline;
            maxAfter = baseline;
            gcs = 0;
            measuring = true;
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long atEnd = heapUsed();
        awaitNotifications();
        long retained;
        long peak;
        long count;
        synchronized (lock) {
            measuring = false;
            count = gcs;
            retained = count == 0 ? atEnd : maxAfter;
            peak = Math.max(maxBefore, atEnd);
        }
        return List.of(
                new ScalarResult("heap.retainedGrowth", Math.max(0, retained - baseline) / MIB, "MiB",
                        AggregationPolicy.MAX),
                new ScalarResult("heap.peakGrowth", Math.max(0, peak - baseline) / MIB, "MiB", AggregationPolicy.MAX),
                new ScalarResult("heap.gcs", count, "#", AggregationPolicy.AVG));
    }

    /** Waits until a notification has arrived for every collection the collectors have counted so far. */
    private void awaitNotifications() {
        Map<String, Long> expected = new HashMap<>();
        for (GarbageCollectorMXBean gc : collectors) {
            expected.put(gc.getName(), Math.max(0, gc.getCollectionCount()));
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        synchronized (lock) {
            while (!expected.entrySet().stream()
                    .allMatch(e -> lastNotified.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("GC notifications missing: notified " + lastNotified
                            + ", collected " + expected);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private long heapSum(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
