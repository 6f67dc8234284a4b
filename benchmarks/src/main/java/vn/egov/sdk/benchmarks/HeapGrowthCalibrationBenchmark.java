package vn.egov.sdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Controls for {@link HeapGrowthProfiler}, in the same 32 MiB G1 heap as the SDK's attachment benchmarks: an
 * operation that keeps 16 MiB reachable until it ends must be reported with a retained growth of at least 16 MiB,
 * and one that makes 500 MiB of short-lived garbage with close to none. Run with
 * {@code -prof vn.egov.sdk.benchmarks.HeapGrowthProfiler}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms32m", "-Xmx32m"})
public class HeapGrowthCalibrationBenchmark {
    private static final int KIB = 1024;

    /** Positive control: 16 MiB held (64 arrays of 256 KiB) while 800 MiB of 64 KiB garbage passes through. */
    @Benchmark
    public int retain16MiB(Blackhole bh) {
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            held.add(new byte[256 * KIB]);
            for (int k = 0; k < 200; k++) {
                bh.consume(new byte[64 * KIB]);
            }
        }
        return held.size();
    }

    /** Negative control: 500 MiB of 64 KiB garbage, nothing held. */
    @Benchmark
    public void garbage500MiB(Blackhole bh) {
        for (int i = 0; i < 500 * 16; i++) {
            bh.consume(new byte[64 * KIB]);
        }
    }
}
