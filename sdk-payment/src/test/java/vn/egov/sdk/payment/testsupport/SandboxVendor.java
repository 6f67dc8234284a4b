package vn.egov.sdk.payment.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * A vendor in a sandbox test: one client on a simulator and its {@link CallbackEndpoint}, registered with the
 * simulator. Register it as an instance field next to a static {@code NationalSandboxExtension}:
 * <pre>{@code
 * @RegisterExtension
 * static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
 * @RegisterExtension
 * final KeypayVendor vendor = new KeypayVendor(SANDBOX.sandbox());
 * }</pre>
 * Before each test (after the sandbox's reset) it registers the endpoint again; after each test it closes the
 * endpoint and the client. It can also be used without JUnit, closed by the test.
 *
 * @param <C> the client type
 */
public abstract class SandboxVendor<C extends PaymentGateway>
        implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** The sandbox the client talks to. */
    public final NationalSandbox sandbox;
    /** The vendor's client. */
    public final C client;
    /** The vendor's callback endpoint, in front of {@link #client}. */
    public final CallbackEndpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the endpoint in front of {@code client} and registers it with the simulator.
     *
     * @param sandbox the running sandbox
     * @param client the vendor's client
     * @param path the endpoint's path
     */
    protected SandboxVendor(NationalSandbox sandbox, C client, String path) {
        this.sandbox = sandbox;
        this.client = client;
        this.endpoint = CallbackEndpoint.start(path, client);
        register(endpoint.url());
    }

    /**
     * Tells the simulator where the vendor's callbacks go. Called from the constructor (so it must use only its
     * argument and {@link #sandbox}) and again before each test, since a sandbox reset may forget it.
     *
     * @param callbackUrl the endpoint's URL
     */
    protected abstract void register(URI callbackUrl);

    /**
     * The endpoint's URL.
     *
     * @return where the simulator sends callbacks
     */
    public URI callbackUrl() {
        return endpoint.url();
    }

    /**
     * The next outcome at the endpoint not yet taken, waiting up to 10 s.
     *
     * @return the outcome
     * @throws InterruptedException if interrupted while waiting
     */
    public CallbackOutcome nextOutcome() throws InterruptedException {
        return endpoint.nextOutcome();
    }

    /**
     * Whether no further outcome arrives at the endpoint within {@code wait}.
     *
     * @param wait how long to wait
     * @return {@code true} if none arrived
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean noMoreOutcomes(Duration wait) throws InterruptedException {
        return endpoint.noMoreOutcomes(wait);
    }

    /**
     * Waits up to 10 s until the endpoint handled at least {@code n} callbacks.
     *
     * @param n the number of callbacks
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitOutcomes(int n) throws InterruptedException {
        endpoint.awaitOutcomes(n);
    }

    /**
     * Every outcome at the endpoint so far, in arrival order.
     *
     * @return the live list
     */
    public List<CallbackOutcome> outcomes() {
        return endpoint.outcomes();
    }

    /**
     * How many effects the endpoint ran for one payment.
     *
     * @param reference the payment's reference
     * @return the count, 0 if none
     */
    public int effects(String reference) {
        return endpoint.effects(reference);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        register(endpoint.url());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    /** Closes the endpoint and the client (if it is closeable); a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            endpoint.close();
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close " + client, e);
                }
            }
        }
    }
}
