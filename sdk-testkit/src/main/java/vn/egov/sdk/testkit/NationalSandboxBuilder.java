package vn.egov.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/**
 * Settings for a {@link NationalSandbox}, from {@link NationalSandbox#builder()}; {@link #start()} starts it.
 * {@link NationalSandboxExtension#configure(NationalSandboxBuilder)} hands one to a test's extension. Not
 * thread-safe.
 */
public final class NationalSandboxBuilder {

    private final Map<String, String> clients = new LinkedHashMap<>();
    private int port;
    private Duration tokenLifetime = NationalSandbox.DEFAULT_TOKEN_LIFETIME;
    private Clock clock = Clock.systemUTC();
    private final VdxpSandbox.Settings vdxp = new VdxpSandbox.Settings();
    private boolean controlFromAnyHost;

    NationalSandboxBuilder() {
        clients.put(NationalSandbox.DEFAULT_CLIENT_ID, NationalSandbox.DEFAULT_CLIENT_SECRET);
    }

    /**
     * The port to listen on (default 0, a free port).
     *
     * @param value the TCP port on 127.0.0.1, 0..65535
     * @return this builder
     */
    public NationalSandboxBuilder port(int value) {
        if (value < 0 || value > 65_535) {
            throw ValidationException.of("sandbox.port", "NationalSandboxBuilder.port", "port must be 0..65535, was " + value);
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
    public NationalSandboxBuilder tokenLifetime(Duration value) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ValidationException.of("sandbox.tokenLifetime", "NationalSandboxBuilder.tokenLifetime",
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
    public NationalSandboxBuilder client(String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw ValidationException.of("sandbox.client", "NationalSandboxBuilder.client",
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
    public NationalSandboxBuilder withoutDefaultClient() {
        clients.remove(NationalSandbox.DEFAULT_CLIENT_ID);
        return this;
    }

    /**
     * The time source deciding token expiry (default the system clock in UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public NationalSandboxBuilder clock(Clock value) {
        this.clock = ValidationException.requireNonNull(value, "NationalSandboxBuilder.clock");
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
    public NationalSandboxBuilder vdxpSystem(String systemId, String secret, String... organIds) {
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
    public NationalSandboxBuilder vdxpTimestampWindow(Duration value) {
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
    public NationalSandboxBuilder controlFromAnyHost(boolean value) {
        this.controlFromAnyHost = value;
        return this;
    }

    Map<String, String> clients() {
        return clients;
    }

    int port() {
        return port;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    Clock clock() {
        return clock;
    }

    VdxpSandbox.Settings vdxp() {
        return vdxp;
    }

    boolean controlFromAnyHost() {
        return controlFromAnyHost;
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
