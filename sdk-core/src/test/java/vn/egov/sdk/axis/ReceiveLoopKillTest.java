package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.testsupport.ChildJvm;
import vn.egov.sdk.edxml.EdXml;

/**
 * Real processes killed ({@link Process#destroyForcibly()}, SIGKILL) while receiving, at chosen points (inside the
 * handler after the vendor stored the package, inside {@code markHandled} before the checkpoint, inside the ack
 * before and after the axis recorded it) and at random moments, each time restarted on the same
 * {@link FileCheckpointStore}; and a package that kills the JVM whenever it is handed over. Nothing is lost, every
 * package is handed over at least once, a repeat says so ({@code attempt > 1}), and the poison package is
 * quarantined after {@code maxAttempts} deaths instead of killing the receiver forever.
 */
class ReceiveLoopKillTest {
    private static final int PACKAGES = 12;
    private static final int RANDOM_RUNS = 10;
    private static final int PACKAGES_PER_RANDOM_RUN = 5;
    private static final int MAX_ATTEMPTS = 3;
    private static final int POISON_EXIT = 99;

    @TempDir
    Path work;

    private final List<ChildJvm> runs = new ArrayList<>();

    @Test
    @Timeout(180)
    void killedAtChosenPointsAndAtRandomNothingIsLostRepeatsSaySoAndThePoisonIsQuarantined() throws Exception {
        Path packages = Files.createDirectories(work.resolve("axis/packages"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= PACKAGES; i++) {
            ids.add(String.format("d%02d", i));
        }
        for (String id : ids) {
            write(packages.resolve(id + ".edxml"), id);
        }
        write(packages.resolve("poison.edxml"), "poison"); // listed after every dNN

        // chosen points: each run is killed there, the next one starts on the same checkpoint file
        for (String point : List.of("handler:d03", "markHandled:d06", "ack:d09", "acked:d12")) {
            ChildJvm c = start(point);
            c.await("AT " + point);
            c.kill();
        }
        // random kills, each while a few new packages are being received (eNN-k sort before "poison"); a run
        // that gets through them reaches the poison package and dies by itself. Each run is killed only after it
        // checkpointed one hand-over, so it always gets past the package the previous kill interrupted: a kill
        // counts as a failed attempt of the package in progress (that is how a package that kills the JVM is
        // caught), and the same innocent package interrupted maxAttempts times in a row would be quarantined.
        Random random = new Random(20240502L);
        for (int r = 1; r <= RANDOM_RUNS; r++) {
            for (int k = 1; k <= PACKAGES_PER_RANDOM_RUN; k++) {
                String id = String.format("e%02d-%d", r, k);
                ids.add(id);
                write(packages.resolve(id + ".edxml"), id);
            }
            ChildJvm c = start("none");
            c.awaitPrefix("MARKED ");
            if (!c.exitsWithin(random.nextInt(250))) {
                c.kill();
            }
        }
        // then let it run: it dies on the poison package until the budget is spent, then finishes
        int exit = -1;
        for (int run = 0; run < MAX_ATTEMPTS + 2 && exit != 0; run++) {
            ChildJvm c = start("none");
            exit = c.exit();
            assertTrue(exit == 0 || exit == POISON_EXIT, "run ended with " + exit + "\n" + c.transcript());
        }
        assertEquals(0, exit, "the receiver finished once the poison package was quarantined\n" + transcripts());

        Map<String, List<Integer>> handed = handedOver();
        List<String> acks = ReceiveLoopKillChild.lines(work.resolve("axis/acks.log"));
        for (String id : ids) {
            assertTrue(handed.containsKey(id), id + " was never handed over: lost");
            assertTrue(acks.contains(id + " done"), id + " not acknowledged done: " + acks);
            assertFalse(acks.contains(id + " fail"), id);
        }
        handed.forEach((id, attempts) -> {
            for (int k = 0; k < attempts.size(); k++) {
                assertTrue(attempts.get(k) >= 1 && (k == 0 || attempts.get(k) > attempts.get(k - 1)),
                        id + ": a repeat carries a higher attempt number, so > 1: " + attempts);
            }
        });
        assertEquals(List.of(1, 2), handed.get("d03"), "killed inside the handler after the inbox write");
        assertEquals(List.of(1, 2), handed.get("d06"), "killed inside markHandled: the 5-of-5 repeat, now marked");
        assertEquals(List.of(1), handed.get("d09"), "killed inside the ack: only the ack is repeated");
        assertEquals(List.of(1), handed.get("d12"), "killed after the ack: nothing is repeated");

        List<Integer> poison = handed.getOrDefault("poison", List.of());
        assertTrue(poison.size() <= MAX_ATTEMPTS && poison.stream().allMatch(a -> a <= MAX_ATTEMPTS),
                "never handed over beyond the budget: " + poison);
        assertTrue(acks.contains("poison fail"), acks.toString());
        assertFalse(acks.contains("poison done"));
        List<String> quarantined = ReceiveLoopKillChild.lines(work.resolve("quarantined.log"));
        assertFalse(quarantined.isEmpty());
        assertTrue(quarantined.stream().allMatch(l -> l.equals("poison " + MAX_ATTEMPTS + " true")), quarantined
                .toString());
        Path kept;
        try (var files = Files.list(work.resolve("quarantine"))) {
            kept = files.filter(p -> p.toString().endsWith(".edxml")).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(packages.resolve("poison.edxml")), Files.readAllBytes(kept));
    }

    private String transcripts() {
        StringBuilder s = new StringBuilder();
        runs.forEach(r -> s.append(r.transcript()));
        return s.toString();
    }

    private static void write(Path file, String id) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            EdXml.write(ReceiveLoopTestPackages.document(id), out);
        }
    }

    /** Per docId, the attempt numbers of its hand-overs, in order. */
    private Map<String, List<Integer>> handedOver() {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (String line : ReceiveLoopKillChild.lines(work.resolve("handled.log"))) {
            String[] f = line.split(" ");
            m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Integer.parseInt(f[1]));
        }
        return m;
    }

    private ChildJvm start(String pause) throws IOException {
        ChildJvm c = ChildJvm.start(ReceiveLoopKillChild.class, "pause " + pause, work.toString(), pause,
                Integer.toString(MAX_ATTEMPTS));
        runs.add(c);
        return c;
    }
}
