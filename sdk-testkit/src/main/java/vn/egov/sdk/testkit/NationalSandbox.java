package vn.egov.sdk.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.egov.sdk.testkit.internal.PkiSimulator;
import vn.egov.sdk.testkit.internal.SmartCaSimulator;
import vn.egov.sdk.testkit.internal.BearerGuard;
import vn.egov.sdk.testkit.internal.CallLog;
import vn.egov.sdk.testkit.internal.SandboxClock;
import vn.egov.sdk.testkit.internal.ClientRegistry;
import vn.egov.sdk.testkit.internal.DemoApiSimulator;
import vn.egov.sdk.testkit.internal.FaultRegistry;
import vn.egov.sdk.testkit.internal.LgspSimulator;
import vn.egov.sdk.testkit.internal.OAuth2TokenSimulator;
import vn.egov.sdk.testkit.internal.OrderBook;
import vn.egov.sdk.testkit.internal.RequestCounter;
import vn.egov.sdk.testkit.internal.SandboxServerFactory;
import vn.egov.sdk.testkit.internal.SandboxTransformer;
import vn.egov.sdk.testkit.internal.Simulator;
import vn.egov.sdk.testkit.internal.SimulatorRouter;
import vn.egov.sdk.testkit.internal.TokenStore;
import vn.egov.sdk.testkit.internal.VdxpSimulator;
import vn.egov.sdk.core.ValidationException;

/**
 * A local, stateful stand-in for the national platforms, listening on {@code 127.0.0.1} (sandbox, "môi trường
 * thử nghiệm"). Each platform is simulated under its own path; so far:
 * <ul>
 *   <li>{@code POST /oauth2/token}: OAuth2 client credentials (HTTP Basic or form client authentication),
 *       issuing opaque bearer tokens; client {@value #DEFAULT_CLIENT_ID} / {@value #DEFAULT_CLIENT_SECRET} is
 *       registered unless the builder says otherwise;</li>
 *   <li>{@code /demo/}: a small API needing a bearer token from the sandbox — {@code GET /demo/echo?msg=},
 *       {@code POST /demo/orders} (honours {@code Idempotency-Key}) — and {@code GET /demo/public}, which
 *       needs none;</li>
 *   <li>{@code /lgsp/}: the provincial LGSP "Liên thông văn bản" REST v1 axis, see {@link LgspSandbox};</li>
 *   <li>{@code /vdxp/}: the national document axis (VDXP, HMAC header bundle), see {@link VdxpSandbox};</li>
 *   <li>{@code /smartca/}: VNPT SmartCA remote signing ("sp769" API), see {@link SmartCaSandbox}.</li>
 * </ul>
 * Tests break endpoints on purpose with {@link #faults()} and check attempts and effects with
 * {@link #requestsTo(String)}, {@link #ordersCreated()} and {@link #tokensIssued()}.
 *
 * <pre>{@code
 * try (NationalSandbox sandbox = NationalSandbox.start()) {
 *     sandbox.faults().on("/demo/echo").times(2).status(503);
 *     // ... point a client at sandbox.baseUrl() ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Run it standalone with {@link StandaloneSandbox}.
 */
public final class NationalSandbox implements AutoCloseable {

    /** The client id registered by default. */
    public static final String DEFAULT_CLIENT_ID = "sandbox-client";
    /** The secret of the default client. A public test credential, not a secret of any real system. */
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    /** How long issued tokens live unless the builder says otherwise. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    /** The largest request body the sandbox reads by default (64 MiB); a larger one is answered HTTP 413. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** The path of the OAuth2 token endpoint. */
    public static final String TOKEN_PATH = OAuth2TokenSimulator.TOKEN_PATH;

    private final ClientRegistry clients = new ClientRegistry();
    private final RequestCounter requests = new RequestCounter();
    private final FaultRegistry faultRegistry = new FaultRegistry();
    private final SandboxFaults faults = new SandboxFaults(faultRegistry);
    private final OrderBook orders = new OrderBook();
    private final CallLog callLog = new CallLog();
    private final SandboxClock clock;
    private final TokenStore tokens;
    private final LgspSimulator lgspSimulator;
    private final VdxpSimulator vdxpSimulator;
    private final SmartCaSimulator smartCaSimulator;
    private final SimulatorRouter router;
    private final WireMockServer server;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private TestPki pki;

    private NationalSandbox(Builder builder) {
        builder.clients.forEach(clients::register);
        this.clock = new SandboxClock(builder.clock);
        this.tokens = new TokenStore(clock, builder.tokenLifetime);
        this.lgspSimulator = LgspSandbox.defaultSimulator(clock);
        this.vdxpSimulator = builder.vdxp.simulator(clock);
        this.smartCaSimulator = SmartCaSandbox.defaultSimulator(clock, this::pki);
        this.router = new SimulatorRouter(simulators());
        this.server = SandboxServerFactory.start(builder.port, new SandboxTransformer(router, faultRegistry, requests,
                callLog, clock, new SandboxControlApi(this, builder.controlFromAnyHost)), DEFAULT_MAX_BODY_BYTES);
        this.baseUrl = "http://" + SandboxServerFactory.BIND_ADDRESS + ':' + server.port();
    }

    /** Every simulator of the sandbox; a new national platform is one more entry here. */
    private List<Simulator> simulators() {
        return List.of(
                new OAuth2TokenSimulator(clients, tokens),
                new DemoApiSimulator(new BearerGuard(tokens), orders),
                lgspSimulator,
                vdxpSimulator,
                new PkiSimulator(this::pki),
                smartCaSimulator);
    }

    /**
     * The sandbox's test PKI (made on first use, a second or two): root, licensed CA, signers, and its OCSP, CRL and
     * timestamp services served under {@code /pki/} of this sandbox, as the certificates say.
     *
     * @return the PKI, the same for the sandbox's lifetime (not changed by {@link #reset()})
     */
    public synchronized TestPki pki() {
        if (pki == null) {
            pki = TestPki.create(baseUrl);
        }
        return pki;
    }

    /**
     * Starts a sandbox with the default settings on a free port.
     *
     * @return the running sandbox; close it when done
     */
    public static NationalSandbox start() {
        return builder().start();
    }

    /**
     * Starts a sandbox with the default settings on a given port.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for a free one
     * @return the running sandbox; close it when done
     * @throws IllegalStateException when the port cannot be bound
     */
    public static NationalSandbox start(int port) {
        return builder().port(port).start();
    }

    /**
     * A builder for a sandbox with other settings.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address clients call, without a trailing slash.
     *
     * @return for example {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The URL of the OAuth2 token endpoint.
     *
     * @return {@code baseUrl() + "/oauth2/token"}
     */
    public String tokenUrl() {
        return baseUrl + TOKEN_PATH;
    }

    /**
     * The base URL of the simulated provincial LGSP v1 axis, for an {@code LgspAxisClient}.
     *
     * @return {@code baseUrl() + "/lgsp"}
     */
    public String lgspUrl() {
        return baseUrl + "/lgsp";
    }

    /**
     * The simulated provincial LGSP v1 axis: its test account and systems, counters and switches.
     *
     * @return the handle
     */
    public LgspSandbox lgsp() {
        return new LgspSandbox(lgspSimulator);
    }

    /**
     * The base URL of the simulated national document axis (VDXP), for a {@code VdxpAxisClient}.
     *
     * @return {@code baseUrl() + "/vdxp"}
     */
    public String vdxpUrl() {
        return baseUrl + "/vdxp";
    }

    /**
     * The simulated national document axis (VDXP): its test systems, what it stored, its clock.
     *
     * @return the handle
     */
    public VdxpSandbox vdxp() {
        return new VdxpSandbox(vdxpSimulator);
    }

    /**
     * The base URL of the simulated VNPT SmartCA service, for a {@code SmartCaClient}.
     *
     * @return {@code baseUrl() + "/smartca"}
     */
    public String smartCaUrl() {
        return baseUrl + "/smartca";
    }

    /**
     * The simulated VNPT SmartCA remote signing service: its service provider account, subscribers and switches.
     *
     * @return the handle
     */
    public SmartCaSandbox smartCa() {
        return new SmartCaSandbox(smartCaSimulator);
    }

    /**
     * The port the sandbox listens on.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The fault presets, to break endpoints on purpose.
     *
     * @return the presets of this sandbox
     */
    public SandboxFaults faults() {
        return faults;
    }

    /**
     * Registers another OAuth2 client (or changes the secret of a registered one). Clients survive
     * {@link #reset()}.
     *
     * @param clientId the client id, not blank
     * @param clientSecret the secret, not empty
     */
    public void registerClient(String clientId, String clientSecret) {
        clients.register(clientId, clientSecret);
    }

    /** Revokes every token issued so far: the next API call with one of them gets 401 {@code invalid_token}. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /**
     * How many access tokens the token endpoint issued since start or the last {@link #reset()}.
     *
     * @return the count
     */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    /**
     * How many demo orders were really created since start or the last {@link #reset()}; replays for a
     * repeated {@code Idempotency-Key} do not count, orders created under an
     * {@link FaultPresetBuilder#afterServing() after-serving} fault do.
     *
     * @return the count
     */
    public int ordersCreated() {
        return orders.createdCount();
    }

    /**
     * How many requests reached a path since start or the last {@link #reset()}, including faulted ones and
     * rejected ones.
     *
     * @param path the exact path without query string, for example {@code /demo/echo}
     * @return the count
     */
    public int requestsTo(String path) {
        return requests.count(ValidationException.requireNonNull(path, "NationalSandbox.path"));
    }

    /**
     * Returns the sandbox to a clean state for the next test: disarms every fault preset, zeroes the counters,
     * forgets simulator state (orders, idempotency keys, packages…) and the calls received, and puts the clock back
     * ({@link #resetClock()}). {@code POST /_sandbox/reset} does the same. Registered clients are kept, and tokens already
     * issued stay valid so a client that caches its token keeps working; use {@link #revokeTokens()} to
     * invalidate them.
     */
    public void reset() {
        faultRegistry.clear();
        callLog.clear();
        clock.reset();
        router.resetAll();
        tokens.resetCount();
        requests.reset();
    }

    /**
     * The last calls the sandbox received (not the control API's), oldest first; {@code GET /_sandbox/calls} shows
     * the same.
     *
     * @param limit how many at most, 1..1000 (the sandbox keeps the last 1000)
     * @return the calls
     */
    public List<ReceivedCall> calls(int limit) {
        if (limit < 1 || limit > CallLog.CAPACITY) {
            throw ValidationException.of("limit", "NationalSandbox.calls", "limit must be 1.." + CallLog.CAPACITY
                    + ", was " + limit);
        }
        return callLog.last(limit).stream()
                .map(c -> new ReceivedCall(c.at(), c.method(), c.path(), c.status(), c.fault())).toList();
    }

    /**
     * The sandbox's time: the builder's clock moved by {@link #setClock(Instant)} and {@link #advanceClock(Duration)}.
     * Token expiry, the axes' timestamp windows and SmartCA's transactions all follow it.
     *
     * @return the current sandbox time
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Sets the sandbox time ({@code POST /_sandbox/clock {"set": ...}}); it runs on from there.
     *
     * @param instant the new time
     */
    public void setClock(Instant instant) {
        if (instant == null) {
            throw ValidationException.of("instant", "NationalSandbox.setClock", "instant is required");
        }
        clock.set(instant);
    }

    /**
     * Moves the sandbox time ({@code POST /_sandbox/clock {"advanceSeconds": N}}).
     *
     * @param by how far, either sign
     */
    public void advanceClock(Duration by) {
        if (by == null) {
            throw ValidationException.of("by", "NationalSandbox.advanceClock", "by is required");
        }
        clock.advance(by);
    }

    /** Puts the sandbox time back on the builder's clock ({@code DELETE /_sandbox/clock}). */
    public void resetClock() {
        clock.reset();
    }

    SandboxClock clock() {
        return clock;
    }

    FaultRegistry faultRegistry() {
        return faultRegistry;
    }

    VdxpSimulator vdxpSimulator() {
        return vdxpSimulator;
    }

    LgspSimulator lgspSimulator() {
        return lgspSimulator;
    }

    /**
     * Whether the sandbox is still serving.
     *
     * @return {@code false} once closed
     */
    public boolean isRunning() {
        return !closed.get() && server.isRunning();
    }

    /** Stops the server. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.stop();
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Waits until {@link #close()} has run. */
    void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    @Override
    public String toString() {
        return "NationalSandbox[" + baseUrl + (closed.get() ? ", closed]" : "]");
    }

    /**
     * Settings for a sandbox; {@link #start()} starts it. Not thread-safe.
     */
    public static final class Builder {

        private final Map<String, String> clients = new LinkedHashMap<>();
        private int port;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private Clock clock = Clock.systemUTC();
        private final VdxpSandbox.Settings vdxp = new VdxpSandbox.Settings();
        private boolean controlFromAnyHost;

        private Builder() {
            clients.put(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
        }

        /**
         * The port to listen on (default 0, a free port).
         *
         * @param value the TCP port on 127.0.0.1, 0..65535
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw ValidationException.of("sandbox.port", "NationalSandbox.Builder.port", "port must be 0..65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * How long issued tokens stay valid; {@code expires_in} reports it in seconds (default one hour).
         *
         * @param value the lifetime, at least one second
         * @return this builder
         */
        public Builder tokenLifetime(Duration value) {
            if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw ValidationException.of("sandbox.tokenLifetime", "NationalSandbox.Builder.tokenLifetime",
                        "tokenLifetime must be at least 1 s, was " + value);
            }
            this.tokenLifetime = value;
            return this;
        }

        /**
         * Registers one more OAuth2 client (the default client stays unless {@link #withoutDefaultClient()}).
         *
         * @param clientId the client id, not blank
         * @param clientSecret the secret, not empty
         * @return this builder
         */
        public Builder client(String clientId, String clientSecret) {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
                throw ValidationException.of("sandbox.client", "NationalSandbox.Builder.client",
                        "client id must not be blank nor its secret empty");
            }
            clients.put(clientId, clientSecret);
            return this;
        }

        /**
         * Does not register {@value NationalSandbox#DEFAULT_CLIENT_ID}.
         *
         * @return this builder
         */
        public Builder withoutDefaultClient() {
            clients.remove(DEFAULT_CLIENT_ID);
            return this;
        }

        /**
         * The time source deciding token expiry (default the system clock in UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "NationalSandbox.clock");
            return this;
        }

        /**
         * Registers a system on the simulated national axis (VDXP), or replaces one with the same id; the default
         * systems of {@link VdxpSandbox} stay unless replaced.
         *
         * @param systemId the system id ({@code systemid})
         * @param secret its secret, not empty
         * @param organIds the organ ids it sends and receives for, at least one
         * @return this builder
         */
        public Builder vdxpSystem(String systemId, String secret, String... organIds) {
            vdxp.system(systemId, secret, organIds);
            return this;
        }

        /**
         * How far a request's {@code XroadVnpt-timestamp} may be from the sandbox clock on the national axis
         * (default {@link VdxpSandbox#DEFAULT_WINDOW}, either way).
         *
         * @param value the window, not negative
         * @return this builder
         */
        public Builder vdxpTimestampWindow(Duration value) {
            vdxp.window(value);
            return this;
        }

        /**
         * Whether the control API {@code /_sandbox/} answers requests whatever their {@code Host} header (default
         * false: only {@code 127.0.0.1}, {@code localhost} and {@code [::1]}, so a web page cannot drive it through
         * DNS rebinding). Turn it on behind a proxy or a container's port mapping.
         *
         * @param value whether to
         * @return this builder
         */
        public Builder controlFromAnyHost(boolean value) {
            this.controlFromAnyHost = value;
            return this;
        }

        /**
         * Starts a sandbox with these settings.
         *
         * @return the running sandbox; close it when done
         * @throws IllegalStateException when the port cannot be bound
         */
        public NationalSandbox start() {
            return new NationalSandbox(this);
        }
    }
}
