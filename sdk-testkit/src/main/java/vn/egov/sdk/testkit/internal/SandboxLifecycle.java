package vn.egov.sdk.testkit.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running server of one sandbox, from start to its single stop: it stops the server and then the sandbox's
 * background work once, however often and from however many threads it is asked, and lets a standalone sandbox
 * wait for that stop. Thread-safe.
 */
public final class SandboxLifecycle {
    private final WireMockServer server;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SandboxLifecycle(WireMockServer server) {
        this.server = server;
    }

    /**
     * Starts the server on {@link SandboxServerFactory#BIND_ADDRESS}.
     *
     * @param port the TCP port, or 0 for a free one
     * @param transformer the sandbox's request handler
     * @param maxBodyBytes the largest request body accepted
     * @return the running server's lifecycle
     * @throws IllegalStateException when the server cannot start (for example, the port is taken)
     */
    public static SandboxLifecycle start(int port, SandboxTransformer transformer, long maxBodyBytes) {
        return new SandboxLifecycle(SandboxServerFactory.start(port, transformer, maxBodyBytes));
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * Whether the server is still serving.
     *
     * @return {@code false} once a stop began
     */
    public boolean isRunning() {
        return !stopping.get() && server.isRunning();
    }

    /**
     * Whether a stop began.
     *
     * @return {@code true} after the first {@link #stop}
     */
    public boolean isStopped() {
        return stopping.get();
    }

    /**
     * Stops the server, then runs {@code afterServer}; later calls do nothing.
     *
     * @param afterServer what else to stop once no request is served any more
     */
    public void stop(Runnable afterServer) {
        if (stopping.compareAndSet(false, true)) {
            try {
                server.stop();
                afterServer.run();
            } finally {
                stopped.countDown();
            }
        }
    }

    /**
     * Waits until {@link #stop} has run.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
