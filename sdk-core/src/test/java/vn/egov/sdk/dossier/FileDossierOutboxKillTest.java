package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.testsupport.ChildJvm;

/**
 * Real processes killed ({@link Process#destroyForcibly()}, SIGKILL) while enqueueing and marking on a
 * {@link FileDossierOutbox}, at random moments, each run restarted on the same journal: everything a call that
 * returned recorded is there after the restart, in the state it returned with (or the next one, for a call that
 * finished but had not printed yet), and keys of earlier runs still deduplicate.
 */
class FileDossierOutboxKillTest {
    private static final int RUNS = 6;

    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void killedAtRandomNothingThatReturnedIsLost() throws Exception {
        Path file = work.resolve("outbox/dossiers.journal");
        Random random = new Random(20261207L);
        List<String> printed = new ArrayList<>();
        StringBuilder transcripts = new StringBuilder();
        for (int run = 1; run <= RUNS; run++) {
            ChildJvm c = ChildJvm.start(OutboxKillChild.class, "run " + run, file.toString(), Integer.toString(run));
            c.awaitPrefix("OPEN ");
            int lines = 0;
            int target = 20 + random.nextInt(200);
            while (lines < target) {
                String l = c.poll(30_000);
                assertTrue(l != null, "the child stopped printing\n" + c.transcript());
                lines++;
            }
            c.kill(); // returns when the transcript holds every line the child printed before it died
            for (String l : c.transcript().split("\n")) {
                if (l.endsWith(" .") && !l.startsWith("OPEN ")) {
                    printed.add(l.substring(0, l.length() - 2));
                }
            }
            transcripts.append(c.transcript());
        }
        Map<Long, String> keyOf = new HashMap<>();
        Map<Long, Character> lastEvent = new HashMap<>();
        int rechecks = 0;
        for (String l : printed) {
            String[] f = l.split(" ");
            for (int i = 1; i < f.length; i++) {
                if (f[0].equals("E") || f[0].equals("R")) {
                    long seq = Long.parseLong(f[i].substring(0, f[i].indexOf(':')));
                    String key = f[i].substring(f[i].indexOf(':') + 1);
                    if (f[0].equals("R")) {
                        assertEquals(key, keyOf.get(seq), "a key of the previous run came back as its entry: " + l);
                        rechecks++;
                    } else {
                        keyOf.put(seq, key);
                        lastEvent.put(seq, 'E');
                    }
                } else {
                    lastEvent.put(Long.parseLong(f[i]), f[0].charAt(0));
                }
            }
        }
        assertTrue(keyOf.size() > RUNS * 10, "the children got somewhere: " + keyOf.size());
        assertTrue(rechecks > 0, "keys were re-enqueued across restarts");
        try (FileDossierOutbox outbox = FileDossierOutbox.open(file)) {
            for (Map.Entry<Long, Character> e : lastEvent.entrySet()) {
                long seq = e.getKey();
                OutboxEntry entry = outbox.find(seq).orElseThrow(() -> new AssertionError("entry " + seq
                        + " returned to the child and is lost\n" + transcripts));
                assertEquals(keyOf.get(seq), entry.item().key());
                Set<OutboxState> allowed = switch (e.getValue()) {
                    case 'E' -> Set.of(OutboxState.PENDING, OutboxState.SENDING);
                    case 'S' -> Set.of(OutboxState.SENDING, OutboxState.SENT, OutboxState.FAILED);
                    case 'D' -> Set.of(OutboxState.SENT);
                    default -> Set.of(OutboxState.FAILED);
                };
                assertTrue(allowed.contains(entry.state()), "entry " + seq + " after " + e.getValue() + ": " + entry);
                assertEquals(e.getValue() == 'E' && entry.state() == OutboxState.PENDING ? 0 : 1, entry.attempts(),
                        "entry " + seq);
            }
            long held = outbox.counts().values().stream().mapToLong(Long::longValue).sum();
            assertTrue(held >= keyOf.size() && held <= keyOf.size() + RUNS * 3L,
                    "at most one unprinted call per run: " + held + " vs " + keyOf.size());
        }
    }
}
