package vn.egov.sdk.payment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.ValidationException;

/**
 * A gateway for tests: the system's answers are scripted per reference; a callback body is
 * {@code reference|PAID|gatewayId|amount} in UTF-8 and verifies when the store knows the reference and the amount.
 */
final class FakePaymentGateway implements PaymentGateway {
    private final PaymentStore store;
    private final Map<String, Function<String, PaymentStatus>> answers = new ConcurrentHashMap<>();
    final AtomicInteger queries = new AtomicInteger();

    FakePaymentGateway(PaymentStore store) {
        this.store = store;
    }

    /** The system answers this state (and the record's own amount) for the reference. */
    FakePaymentGateway answer(String reference, PaymentState state, String gatewayId) {
        answers.put(reference, ref -> new PaymentStatus(ref, state, Optional.of(gatewayId),
                OptionalLong.of(store.find(system(), ref).orElseThrow().amount()), state.name()));
        return this;
    }

    FakePaymentGateway answer(String reference, Function<String, PaymentStatus> answer) {
        answers.put(reference, answer);
        return this;
    }

    FakePaymentGateway unreachable(String reference) {
        answers.put(reference, ref -> {
            throw new PlatformException("QUERY for " + ref + " answered HTTP 502",
                    ErrorDetails.of(Fault.PLATFORM, true), null);
        });
        return this;
    }

    @Override
    public PaymentSystem system() {
        return PaymentSystem.DVCQG_PAYMENT_PLATFORM;
    }

    @Override
    public PaymentStore store() {
        return store;
    }

    @Override
    public PaymentStart create(PaymentOrder order) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public PaymentCallback verifyCallback(byte[] rawBody) {
        String[] parts = new String(rawBody, StandardCharsets.UTF_8).split("\\|");
        Optional<PaymentRecord> record = store.find(system(), parts[0]);
        if (record.isEmpty() || record.get().amount() != Long.parseLong(parts[3])) {
            throw new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "amount", null, "no match");
        }
        return new PaymentCallback(system(), parts[0], parts[2], Long.parseLong(parts[3]),
                PaymentState.valueOf(parts[1]), "00", Map.of());
    }

    @Override
    public CallbackReply acceptReply(PaymentCallback callback) {
        return CallbackReply.json(200, "{\"MaLoi\":\"00\"}");
    }

    @Override
    public CallbackReply rejectReply(CallbackVerificationException failure) {
        return CallbackReply.json(200, "{\"MaLoi\":\"99\"}");
    }

    @Override
    public PaymentStatus query(String reference) {
        queries.incrementAndGet();
        Function<String, PaymentStatus> answer = answers.get(reference);
        if (answer == null) {
            return new PaymentStatus(reference, PaymentState.PENDING, Optional.empty(), OptionalLong.empty(), "3");
        }
        return answer.apply(reference);
    }

    @Override
    public InputStream openReceipt(String reference) {
        throw ValidationException.of("known", "reference", "no receipts here");
    }
}
