package vn.egov.sdk.axis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;

/**
 * The receiver process {@link ReceiveLoopKillTest} kills: a receive loop on a {@link FileCheckpointStore}, against
 * an axis kept in files (so it outlives the process): {@code axis/packages/<docId>.edxml} are the offered packages,
 * {@code axis/acks.log} the acknowledgements it received. The handler appends {@code <docId> <attempt>} to
 * {@code handled.log} (the vendor's inbox); the package {@code poison} halts the JVM when handed over. Quarantine
 * events go to {@code quarantined.log}.
 *
 * <p>Arguments: the work directory, a pause point ({@code handler:<docId>} after the inbox write,
 * {@code markHandled:<docId>} before the checkpoint, {@code ack:<docId>} before the axis records the ack,
 * {@code acked:<docId>} after it, or {@code none}), and maxAttempts. At the pause point it prints
 * {@code AT <point>} and waits to be killed. It prints {@code READY} once the store is open, {@code MARKED <docId>}
 * each time a hand-over is checkpointed, and {@code FINISHED} when the axis has nothing left to offer.
 */
public final class ReceiveLoopKillChild {
    private ReceiveLoopKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String pause = args[1];
        int maxAttempts = Integer.parseInt(args[2]);
        FileAxis axis = new FileAxis(work.resolve("axis"), pause);
        PackageHandler handler = pkg -> {
            append(work.resolve("handled.log"), pkg.docId() + " " + pkg.attempt());
            if (pkg.docId().equals("poison")) {
                Runtime.getRuntime().halt(99); // a package that kills the JVM: no finally, no hooks
            }
            pauseAt(pause, "handler:" + pkg.docId());
            Thread.sleep(10); // the vendor's work, so that random kills land anywhere
        };
        try (FileCheckpointStore store = FileCheckpointStore.open(work.resolve("inbox.checkpoint"));
                ReceiveLoop loop = ReceiveLoop.builder(axis, new PausingStore(store, pause), handler)
                        .maxAttempts(maxAttempts).quarantineDirectory(work.resolve("quarantine"))
                        .quarantineListener(e -> append(work.resolve("quarantined.log"),
                                e.docId() + " " + e.attempts() + " " + e.kept()))
                        .build()) {
            System.out.println("READY");
            System.out.flush();
            while (!axis.settled()) {
                loop.pollOnce();
            }
        }
        System.out.println("FINISHED");
        System.out.flush();
    }

    static void pauseAt(String pause, String point) {
        if (pause.equals(point)) {
            System.out.println("AT " + point);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE); // until killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void append(Path file, String line) {
        try {
            Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store that pauses (to be killed) inside markHandled, before the checkpoint is written. */
    static final class PausingStore implements CheckpointStore {
        private final CheckpointStore delegate;
        private final String pause;

        PausingStore(CheckpointStore delegate, String pause) {
            this.delegate = delegate;
            this.pause = pause;
        }

        @Override
        public Optional<CheckpointEntry> find(String docId) {
            return delegate.find(docId);
        }

        @Override
        public int markAttempt(String docId) {
            return delegate.markAttempt(docId);
        }

        @Override
        public void markHandled(String docId) {
            pauseAt(pause, "markHandled:" + docId);
            delegate.markHandled(docId);
            System.out.println("MARKED " + docId);
            System.out.flush();
        }

        @Override
        public void markDone(String docId) {
            delegate.markDone(docId);
        }

        @Override
        public int markFailed(String docId, String reason) {
            return delegate.markFailed(docId, reason);
        }

        @Override
        public void markGivenUp(String docId, String reason) {
            delegate.markGivenUp(docId, reason);
        }
    }

    /** The axis in files: what it offers and which acks it received survive the receiver's death. */
    static final class FileAxis implements DocumentAxisClient {
        private final Path packages;
        private final Path acks;
        private final String pause;

        FileAxis(Path dir, String pause) {
            this.packages = dir.resolve("packages");
            this.acks = dir.resolve("acks.log");
            this.pause = pause;
        }

        boolean settled() {
            return listReceived(MessageType.EDOC).isEmpty();
        }

        private Set<String> settledIds() {
            Set<String> ids = new HashSet<>();
            for (String line : lines(acks)) {
                String[] f = line.split(" ");
                if (f[1].equals("done") || f[1].equals("fail")) {
                    ids.add(f[0]);
                }
            }
            return ids;
        }

        @Override
        public List<ReceivedItem> listReceived(MessageType type) {
            List<ReceivedItem> items = new ArrayList<>();
            if (type != MessageType.EDOC) {
                return items;
            }
            Set<String> settled = settledIds();
            try (Stream<Path> files = Files.list(packages)) {
                files.map(p -> p.getFileName().toString().replace(".edxml", "")).sorted()
                        .filter(id -> !settled.contains(id))
                        .forEach(id -> items.add(new ReceivedItem(id, type, "000.00.00.G22", "000.00.00.H41",
                                "sent", "", Optional.empty())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return items;
        }

        @Override
        public ReceivedPackage fetch(String docId) {
            try {
                byte[] bytes = Files.readAllBytes(packages.resolve(docId + ".edxml"));
                return new ReceivedPackage(docId, EdXml.read(new ByteArrayInputStream(bytes)), Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void fetchTo(String docId, OutputStream out) {
            try {
                Files.copy(packages.resolve(docId + ".edxml"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void acknowledge(String docId, TransportAck ack) {
            pauseAt(pause, "ack:" + docId);
            append(acks, docId + " " + ack.wire());
            pauseAt(pause, "acked:" + docId);
        }

        @Override
        public SendResult send(EdXmlPackage pkg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SendResult send(EdXmlPackage pkg, RequestOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SendResult send(EdXmlPackage pkg, RequestOptions options, java.nio.file.Path archive) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SentItem> listSent(MessageType type, Optional<String> docId) {
            return List.of();
        }

        @Override
        public long countReceived(MessageType type) {
            return listReceived(type).size();
        }

        @Override
        public List<Agency> agencies(CodeSystem system) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
