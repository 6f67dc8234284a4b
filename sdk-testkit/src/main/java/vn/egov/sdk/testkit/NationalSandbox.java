package vn.egov.sdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.egov.sdk.testkit.internal.CallLog;
import vn.egov.sdk.testkit.internal.OAuth2TokenSimulator;
import vn.egov.sdk.testkit.internal.SandboxClock;
import vn.egov.sdk.testkit.internal.SandboxLifecycle;
import vn.egov.sdk.testkit.internal.SandboxServerFactory;
import vn.egov.sdk.testkit.internal.SandboxServices;
import vn.egov.sdk.core.ValidationException;

/**
 * A local, stateful stand-in for the national platforms, listening on {@code 127.0.0.1} (sandbox, "môi trường
 * thử nghiệm"). Each platform is simulated under its own path (the list is in the
 * {@linkplain vn.egov.sdk.testkit package documentation}), with an accessor here for its URL and its test hooks.
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

    private final SandboxServices services;
    private final SandboxFaults faults;
    private final SandboxLifecycle server;
    private final String baseUrl;
    private TestPki pki;

    NationalSandbox(NationalSandboxBuilder builder) {
        SandboxClock clock = new SandboxClock(builder.clock());
        SandboxServices.Platforms platforms = new SandboxServices.Platforms(LgspSandbox.defaultSimulator(clock),
                builder.vdxp().simulator(clock), SmartCaSandbox.defaultSimulator(clock, this::pki));
        this.services = new SandboxServices(clock, builder.tokenLifetime(), builder.clients(), platforms, this::pki);
        this.faults = new SandboxFaults(services.faults());
        this.server = SandboxLifecycle.start(builder.port(),
                services.transformer(new SandboxControlApi(this, builder.controlFromAnyHost())), DEFAULT_MAX_BODY_BYTES);
        this.baseUrl = "http://" + SandboxServerFactory.BIND_ADDRESS + ':' + server.port();
        services.sso().bind(baseUrl);
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
    public static NationalSandboxBuilder builder() {
        return new NationalSandboxBuilder();
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
        return new LgspSandbox(services.lgsp());
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
        return new VdxpSandbox(services.vdxp());
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
        return new SmartCaSandbox(services.smartCa());
    }

    /**
     * The simulated Keypay DVCQG payment gateway under {@code /keypay/}: its test client, transactions and callbacks.
     *
     * @return the handle
     */
    public KeypaySandbox keypay() {
        return new KeypaySandbox(services.keypay(), baseUrl);
    }

    /**
     * The sandbox's PayGov (through an LGSP) under {@code /paygov/}.
     *
     * @return its handle
     */
    public PayGovSandbox payGov() {
        return new PayGovSandbox(services.payGov(), baseUrl);
    }

    /**
     * The base URL of the simulated DVCQG payment platform, the endpoint of a {@code DvcqgPaymentPlatformClient}.
     *
     * @return {@code baseUrl() + "/dvcqg-pay"}
     */
    public String dvcqgPayUrl() {
        return baseUrl + "/dvcqg-pay";
    }

    /**
     * The simulated DVCQG payment platform: its test merchant, transactions, payer actions and callback delivery.
     *
     * @return the handle
     */
    public DvcqgPaySandbox dvcqgPay() {
        return new DvcqgPaySandbox(services.dvcqgPay(), baseUrl);
    }

    /**
     * The simulated national public-service portal's integration adapter under {@code /dvcqg/}.
     *
     * @return the handle
     */
    public DvcqgPortalSandbox dvcqg() {
        return new DvcqgPortalSandbox(services.dvcqgPortal(), baseUrl);
    }

    /**
     * The simulated national SSO identity provider under {@code /sso/}: its test client, test users, keys, the test
     * API that answers the login page without a browser, and ID-token misbehaviours.
     *
     * @return the handle
     */
    public SsoSandbox sso() {
        return new SsoSandbox(services.sso(), baseUrl);
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
        services.clients().register(clientId, clientSecret);
    }

    /** Revokes every token issued so far: the next API call with one of them gets 401 {@code invalid_token}. */
    public void revokeTokens() {
        services.tokens().revokeAll();
    }

    /**
     * How many access tokens the token endpoint issued since start or the last {@link #reset()}.
     *
     * @return the count
     */
    public int tokensIssued() {
        return services.tokens().issuedCount();
    }

    /**
     * How many demo orders were really created since start or the last {@link #reset()}; replays for a
     * repeated {@code Idempotency-Key} do not count, orders created under an
     * {@link FaultPresetBuilder#afterServing() after-serving} fault do.
     *
     * @return the count
     */
    public int ordersCreated() {
        return services.orders().createdCount();
    }

    /**
     * How many requests reached a path since start or the last {@link #reset()}, including faulted ones and
     * rejected ones.
     *
     * @param path the exact path without query string, for example {@code /demo/echo}
     * @return the count
     */
    public int requestsTo(String path) {
        return services.requests().count(ValidationException.requireNonNull(path, "NationalSandbox.path"));
    }

    /**
     * Returns the sandbox to a clean state for the next test: disarms every fault preset, zeroes the counters,
     * forgets simulator state (orders, idempotency keys, packages…) and the calls received, and puts the clock back
     * ({@link #resetClock()}). {@code POST /_sandbox/reset} does the same. Registered clients are kept, and tokens already
     * issued stay valid so a client that caches its token keeps working; use {@link #revokeTokens()} to
     * invalidate them.
     */
    public void reset() {
        services.reset();
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
        return services.callLog().last(limit).stream()
                .map(c -> new ReceivedCall(c.at(), c.method(), c.path(), c.status(), c.fault())).toList();
    }

    /**
     * The sandbox's time: the builder's clock moved by {@link #setClock(Instant)} and {@link #advanceClock(Duration)}.
     * Token expiry, the axes' timestamp windows and SmartCA's transactions all follow it.
     *
     * @return the current sandbox time
     */
    public Instant now() {
        return services.clock().instant();
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
        services.clock().set(instant);
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
        services.clock().advance(by);
    }

    /** Puts the sandbox time back on the builder's clock ({@code DELETE /_sandbox/clock}). */
    public void resetClock() {
        services.clock().reset();
    }

    SandboxServices services() {
        return services;
    }

    /**
     * Whether the sandbox is still serving.
     *
     * @return {@code false} once closed
     */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server. Calling it again does nothing. */
    @Override
    public void close() {
        server.stop(services::close);
    }

    /** Waits until {@link #close()} has run. */
    void awaitClosed() throws InterruptedException {
        server.awaitStopped();
    }

    @Override
    public String toString() {
        return "NationalSandbox[" + baseUrl + (server.isStopped() ? ", closed]" : "]");
    }
}
