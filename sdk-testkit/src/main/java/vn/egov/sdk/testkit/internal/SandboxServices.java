package vn.egov.sdk.testkit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import vn.egov.sdk.testkit.TestPki;

/**
 * The sandbox's state and its simulators, wired together once: the registries, counters and logs every simulator
 * shares, the simulators themselves and the router in front of them. The sandbox serves what this holds and
 * {@link #reset() resets} it between tests.
 */
public final class SandboxServices {

    private final ClientRegistry clients = new ClientRegistry();
    private final RequestCounter requests = new RequestCounter();
    private final FaultRegistry faults = new FaultRegistry();
    private final OrderBook orders = new OrderBook();
    private final CallLog callLog = new CallLog();
    private final SandboxClock clock;
    private final TokenStore tokens;
    private final LgspSimulator lgsp;
    private final VdxpSimulator vdxp;
    private final SmartCaSimulator smartCa;
    private final PayGovSimulator payGov;
    private final CallbackDispatcher callbacks = new CallbackDispatcher();
    private final KeypaySimulator keypay = new KeypaySimulator(callbacks);
    private final DvcqgPaySimulator dvcqgPay;
    private final DvcqgPortalSimulator dvcqgPortal;
    private final SimulatorRouter router;
    private final SsoSimulator sso;

    /**
     * Wires the sandbox's simulators.
     *
     * @param clock the sandbox clock the simulators follow
     * @param tokenLifetime how long OAuth2 tokens live
     * @param clients the OAuth2 clients registered at start, id to secret
     * @param simulators the platform simulators made by the public handles' defaults and settings
     * @param pki the test PKI, made on first use
     */
    public SandboxServices(SandboxClock clock, Duration tokenLifetime, Map<String, String> clients,
            Platforms simulators, Supplier<TestPki> pki) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new TokenStore(clock, tokenLifetime);
        clients.forEach(this.clients::register);
        this.sso = new SsoSimulator(clock);
        this.lgsp = simulators.lgsp();
        this.vdxp = simulators.vdxp();
        this.smartCa = simulators.smartCa();
        this.payGov = new PayGovSimulator(clock, new BearerGuard(tokens), PayGovSimulator.defaultPartners(),
                callbacks);
        this.dvcqgPay = DvcqgPayDefaults.simulator(clock, callbacks);
        this.dvcqgPortal = new DvcqgPortalSimulator(clock);
        this.router = new SimulatorRouter(List.of(
                new OAuth2TokenSimulator(this.clients, tokens),
                new DemoApiSimulator(new BearerGuard(tokens), orders),
                lgsp,
                vdxp,
                new PkiSimulator(pki),
                smartCa,
                keypay,
                payGov,
                dvcqgPay,
                dvcqgPortal,
                sso));
    }

    /**
     * The platform simulators whose default accounts the public handles define.
     *
     * @param lgsp the provincial LGSP v1 axis
     * @param vdxp the national document axis
     * @param smartCa VNPT SmartCA
     */
    public record Platforms(LgspSimulator lgsp, VdxpSimulator vdxp, SmartCaSimulator smartCa) {

        /**
         * Checks that each simulator is there.
         *
         * @param lgsp the provincial LGSP v1 axis
         * @param vdxp the national document axis
         * @param smartCa VNPT SmartCA
         */
        public Platforms {
            Objects.requireNonNull(lgsp, "lgsp");
            Objects.requireNonNull(vdxp, "vdxp");
            Objects.requireNonNull(smartCa, "smartCa");
        }
    }

    /**
     * The transformer that serves every request through the router, faults, counters and call log.
     *
     * @param control the control API under {@code /_sandbox/}
     * @return the transformer
     */
    public SandboxTransformer transformer(Simulator control) {
        return new SandboxTransformer(router, faults, requests, callLog, clock, control);
    }

    /**
     * Forgets what the tests did: armed faults, calls received, clock offset, simulator state, counters. Registered
     * clients and issued tokens stay.
     */
    public void reset() {
        faults.clear();
        callLog.clear();
        clock.reset();
        router.resetAll();
        tokens.resetCount();
        requests.reset();
        callbacks.reset();
    }


    /**
     * The DVCQG payment platform simulator.
     *
     * @return the simulator
     */
    public DvcqgPaySimulator dvcqgPay() {
        return dvcqgPay;
    }

    /**
     * The national public-service portal's adapter simulator under {@code /dvcqg/}.
     *
     * @return the simulator
     */
    public DvcqgPortalSimulator dvcqgPortal() {
        return dvcqgPortal;
    }

    /**
     * The dispatcher of every payment simulator's callbacks (DVCQG, Keypay, PayGov): one log, cleared by
     * {@link #reset()}.
     *
     * @return the dispatcher
     */
    public CallbackDispatcher callbacks() {
        return callbacks;
    }

    /**
     * The registered OAuth2 clients.
     *
     * @return the registry
     */
    public ClientRegistry clients() {
        return clients;
    }

    /**
     * The per-path request counter.
     *
     * @return the counter
     */
    public RequestCounter requests() {
        return requests;
    }

    /**
     * The armed fault presets.
     *
     * @return the registry
     */
    public FaultRegistry faults() {
        return faults;
    }

    /**
     * The demo API's orders.
     *
     * @return the book
     */
    public OrderBook orders() {
        return orders;
    }

    /**
     * The log of calls received.
     *
     * @return the log
     */
    public CallLog callLog() {
        return callLog;
    }

    /**
     * The sandbox clock.
     *
     * @return the clock
     */
    public SandboxClock clock() {
        return clock;
    }

    /**
     * The issued OAuth2 tokens.
     *
     * @return the store
     */
    public TokenStore tokens() {
        return tokens;
    }

    /**
     * The provincial LGSP v1 axis simulator.
     *
     * @return the simulator
     */
    public LgspSimulator lgsp() {
        return lgsp;
    }

    /**
     * The national document axis simulator.
     *
     * @return the simulator
     */
    public VdxpSimulator vdxp() {
        return vdxp;
    }

    /**
     * The Keypay DVCQG payment simulator.
     *
     * @return the simulator
     */
    public KeypaySimulator keypay() {
        return keypay;
    }

    /**
     * The PayGov simulator.
     *
     * @return the simulator
     */
    public PayGovSimulator payGov() {
        return payGov;
    }

    /** Stops what the simulators run in the background (the payment simulators' callback deliveries). */
    public void close() {
        callbacks.close();
    }

    /**
     * The VNPT SmartCA simulator.
     *
     * @return the simulator
     */
    public SmartCaSimulator smartCa() {
        return smartCa;
    }

    /**
     * The national SSO identity provider simulator.
     *
     * @return the simulator
     */
    public SsoSimulator sso() {
        return sso;
    }
}
