package vn.egov.sdk.axis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import vn.egov.sdk.core.ValidationException;

/** The {@link ReceiveLoop.Builder}: collects and checks the settings. */
final class ReceiveLoopBuilder implements ReceiveLoop.Builder {
    final DocumentAxisClient client;
    final CheckpointStore store;
    final PackageHandler handler;
    StatusEventListener listener;
    Duration interval = Duration.ofSeconds(30);
    Duration maxBackoff = Duration.ofMinutes(5);
    int maxAttempts = ReceiveLoop.DEFAULT_MAX_ATTEMPTS;
    Path quarantineDirectory;
    QuarantineListener quarantineListener;
    ReceiveCoordinator coordinator;
    ScheduledExecutorService executor;
    Duration closeTimeout = Duration.ofSeconds(30);

    ReceiveLoopBuilder(DocumentAxisClient client, CheckpointStore store, PackageHandler handler) {
        this.client = require(client, "client");
        this.store = require(store, "store");
        this.handler = require(handler, "handler");
    }

    @Override
    public ReceiveLoop.Builder statusListener(StatusEventListener value) {
        this.listener = require(value, "statusListener");
        return this;
    }

    @Override
    public ReceiveLoop.Builder interval(Duration value) {
        this.interval = positive(value, "interval");
        return this;
    }

    @Override
    public ReceiveLoop.Builder maxBackoff(Duration value) {
        this.maxBackoff = positive(value, "maxBackoff");
        return this;
    }

    @Override
    public ReceiveLoop.Builder maxAttempts(int value) {
        if (value < 0) {
            throw ValidationException.of("receiveLoop.maxAttempts.negative", "maxAttempts",
                    "maxAttempts must be >= 0 (0 = never quarantine)");
        }
        this.maxAttempts = value;
        return this;
    }

    @Override
    public ReceiveLoop.Builder quarantineDirectory(Path value) {
        this.quarantineDirectory = require(value, "quarantineDirectory");
        return this;
    }

    @Override
    public ReceiveLoop.Builder quarantineListener(QuarantineListener value) {
        this.quarantineListener = require(value, "quarantineListener");
        return this;
    }

    /** The quarantine directory set, or the default: beside a file store's journal, else in the working directory. */
    Path quarantineDirectoryOrDefault() {
        if (quarantineDirectory != null) {
            return quarantineDirectory;
        }
        if (store instanceof FileCheckpointStore f) {
            return f.file().resolveSibling(f.file().getFileName() + ".quarantine");
        }
        return Path.of(ReceiveLoop.DEFAULT_QUARANTINE_DIRECTORY).toAbsolutePath();
    }

    @Override
    public ReceiveLoop.Builder coordinator(ReceiveCoordinator value) {
        this.coordinator = require(value, "coordinator");
        return this;
    }

    @Override
    public ReceiveLoop.Builder executor(ScheduledExecutorService value) {
        this.executor = require(value, "executor");
        return this;
    }

    @Override
    public ReceiveLoop.Builder closeTimeout(Duration value) {
        if (require(value, "closeTimeout").isNegative()) {
            throw ValidationException.of("receiveLoop.closeTimeout.negative", "closeTimeout",
                    "closeTimeout must be >= 0");
        }
        this.closeTimeout = value;
        return this;
    }

    @Override
    public ReceiveLoop build() {
        return new ReceiveLoop(this);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw ValidationException.of("receiveLoop." + field + ".missing", field, "give " + field);
        }
        return value;
    }

    private static Duration positive(Duration value, String field) {
        if (require(value, field).isNegative() || value.isZero()) {
            throw ValidationException.of("receiveLoop." + field + ".invalid", field, field + " must be positive");
        }
        return value;
    }
}
