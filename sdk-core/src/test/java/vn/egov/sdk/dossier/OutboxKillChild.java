package vn.egov.sdk.dossier;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A process enqueueing and marking in a loop on a {@link FileDossierOutbox} until it is killed, for
 * {@link FileDossierOutboxKillTest}. After each call returns it prints one line ending in {@code " ."} (so a line
 * cut by the kill is recognised): {@code E seq:key …} after an enqueue, {@code S seqs} after markSending,
 * {@code D seqs} after markSent, {@code F seqs} after markFailed, {@code R seq:key} after re-enqueueing a key of
 * the previous run (the entry already held must come back). Compacts every 25 lines, so kills land in compactions
 * too.
 */
public final class OutboxKillChild {
    private OutboxKillChild() {
    }

    /**
     * Runs the loop.
     *
     * @param args the journal file, and the number of this run (1, 2, …)
     */
    public static void main(String[] args) {
        int run = Integer.parseInt(args[1]);
        try (FileDossierOutbox outbox = FileDossierOutbox.builder(Path.of(args[0])).compactAfter(25).build()) {
            System.out.println("OPEN " + outbox.recovery().summary() + " .");
            for (int i = 1; ; i++) {
                if (run > 1 && i % 5 == 0) {
                    String key = "r" + (run - 1) + "-1-0";
                    OutboxEntry e = outbox.enqueue(List.of(item(key))).get(0);
                    System.out.println("R " + e.sequence() + ":" + e.item().key() + " .");
                }
                List<OutboxItem> items = new ArrayList<>();
                for (int j = 0; j <= i % 3; j++) {
                    items.add(item("r" + run + "-" + i + "-" + j));
                }
                List<Long> seqs = new ArrayList<>();
                StringBuilder line = new StringBuilder("E");
                for (OutboxEntry e : outbox.enqueue(items)) {
                    seqs.add(e.sequence());
                    line.append(' ').append(e.sequence()).append(':').append(e.item().key());
                }
                System.out.println(line + " .");
                outbox.markSending(seqs);
                System.out.println("S " + join(seqs) + " .");
                if (i % 4 == 0) {
                    outbox.markFailed(seqs, "HTTP 503 từ cổng", Instant.now().plusSeconds(3600));
                    System.out.println("F " + join(seqs) + " .");
                } else {
                    outbox.markSent(seqs);
                    System.out.println("D " + join(seqs) + " .");
                }
            }
        }
    }

    private static OutboxItem item(String key) {
        return new OutboxItem(key, OutboxKind.PROGRESS, "000.00.01.H01-261207-" + key,
                "{\"MaHoSo\":\"" + key + "\",\"NoiDungXuLy\":\"Chuyển phòng Tư pháp thẩm định\"}");
    }

    private static String join(List<Long> seqs) {
        StringBuilder s = new StringBuilder();
        for (Long q : seqs) {
            s.append(s.length() == 0 ? "" : " ").append(q);
        }
        return s.toString();
    }
}
