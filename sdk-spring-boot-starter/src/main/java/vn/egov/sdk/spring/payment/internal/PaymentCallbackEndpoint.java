package vn.egov.sdk.spring.payment.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.HttpRequestHandler;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.CallbackReply;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.CallbackWindow;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentEffectException;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentStoreException;
import vn.egov.sdk.spring.PaymentCallbackEvent;
import vn.egov.sdk.spring.payment.PaymentResultListener;

/**
 * One payment system's callback endpoint: hands the raw body to the SDK's
 * {@link PaymentGateway#handleCallback(byte[], PaymentEffect, java.time.Instant, CallbackWindow)} (verify, check the
 * window, apply once through the store, the listeners as the effect), answers with the system's reply, logs a
 * refusal without secrets, and publishes a {@link PaymentCallbackEvent} for every callback.
 */
public final class PaymentCallbackEndpoint implements HttpRequestHandler {
    /** Bodies larger than this are cut here; every client refuses far smaller ones as {@code MALFORMED}. */
    static final int MAX_BODY = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbackEndpoint.class);

    private final String system;
    private final PaymentGateway gateway;
    private final CallbackWindow window;
    private final List<PaymentResultListener> listeners;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Creates the endpoint.
     *
     * @param system the system's low-cardinality name ({@code dvcqg}, {@code paygov}, {@code keypay})
     * @param gateway the system's client
     * @param window how old a callback may be
     * @param listeners the application's listeners, in order
     * @param events where the {@link PaymentCallbackEvent}s go
     * @param clock the time recorded and checked against the window
     */
    public PaymentCallbackEndpoint(String system, PaymentGateway gateway, CallbackWindow window,
            List<PaymentResultListener> listeners, ApplicationEventPublisher events, Clock clock) {
        this.system = system;
        this.gateway = gateway;
        this.window = window;
        this.listeners = List.copyOf(listeners);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BODY);
        }
        PaymentEffect effect = ListenerEffect.of(gateway.system(), listeners);
        CallbackOutcome outcome;
        try {
            outcome = gateway.handleCallback(raw, effect, clock.instant(), window);
        } catch (PaymentEffectException e) {
            LOG.error("egov payment callback ({}) verified but a PaymentResultListener failed; the payment stays "
                    + "pending and the system is asked to send the callback again", system, e);
            failed(response, true, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        } catch (PaymentStoreException e) {
            LOG.error("egov payment callback ({}) not recorded: the payment store failed", system, e);
            failed(response, false, e.retryable() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        if (outcome.result() == CallbackOutcome.Result.REJECTED) {
            CallbackVerificationException why = outcome.failure().orElseThrow();
            LOG.warn("egov payment callback ({}) refused: {} (field {}): {}", system, why.failure(),
                    why.field().orElse("-"), why.getMessage());
            why.signedString().ifPresent(s -> LOG.debug("egov payment callback ({}) signed string, secret masked: {}",
                    system, s));
        } else {
            LOG.info("egov payment callback ({}) {} for reference {}", system,
                    outcome.result() == CallbackOutcome.Result.APPLIED ? "applied" : "answered as a duplicate",
                    outcome.callback().orElseThrow().reference());
        }
        events.publishEvent(new PaymentCallbackEvent(system, checksumVerified(outcome),
                switch (outcome.result()) {
                    case APPLIED -> "applied";
                    case DUPLICATE -> "duplicate";
                    case REJECTED -> "refused";
                }));
        write(response, outcome.reply());
    }

    /** Accepted callbacks verified; of the refused ones, only those refused for their time had a good checksum. */
    private static boolean checksumVerified(CallbackOutcome outcome) {
        return outcome.result() != CallbackOutcome.Result.REJECTED || outcome.failure()
                .map(f -> f.failure() == CallbackFailure.OUTSIDE_WINDOW).orElse(false);
    }

    private void failed(HttpServletResponse response, boolean verified, int status) throws IOException {
        events.publishEvent(new PaymentCallbackEvent(system, verified, "failed"));
        write(response, new CallbackReply(status, "text/plain; charset=UTF-8",
                "not recorded; send the callback again".getBytes(StandardCharsets.UTF_8)));
    }

    private static void write(HttpServletResponse response, CallbackReply reply) throws IOException {
        byte[] body = reply.body();
        response.setStatus(reply.httpStatus());
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
