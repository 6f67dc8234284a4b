package vn.egov.sdk.examples.boot;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.spring.identity.EgovCitizen;

/**
 * A citizen pays a dossier's fee: {@code POST /fees} opens a dossier fee, creates the payment with the starter's
 * {@link DvcqgPaymentPlatformClient} (from {@code egov.payment.dvcqg.*}) and sends the browser to the platform's
 * payment page; the platform's callback reaches the starter's endpoint, which verifies it and tells
 * {@link FeePaidListener}; {@code GET /fees/{dossier}} shows where the fee stands.
 */
@RestController
public class FeeController {
    private final DvcqgPaymentPlatformClient payments;
    private final FeeBook fees;
    private final SampleProperties properties;

    /**
     * Created by Spring.
     *
     * @param payments the starter's client of the national payment platform
     * @param fees the fees
     * @param properties the fee's amount
     */
    public FeeController(DvcqgPaymentPlatformClient payments, FeeBook fees, SampleProperties properties) {
        this.payments = payments;
        this.fees = fees;
        this.properties = properties;
    }

    /**
     * The citizen's fees and a button to pay a new one.
     *
     * @param citizen the logged-in citizen
     * @param csrf the form's token
     * @return the page
     */
    @GetMapping(path = "/fees", produces = MediaType.TEXT_HTML_VALUE)
    public String list(@AuthenticationPrincipal EgovCitizen citizen, CsrfToken csrf) {
        StringBuilder rows = new StringBuilder("<ul id=\"fee-list\">");
        for (FeeBook.Fee fee : fees.of(citizen.getName())) {
            rows.append("<li><a href=\"/fees/").append(Html.text(fee.dossierCode())).append("\">")
                    .append(Html.text(fee.dossierCode())).append("</a>: ").append(fee.state()).append("</li>");
        }
        rows.append("</ul>");
        return Html.page("Lệ phí hồ sơ / Dossier fees", rows + "<p>Lệ phí cấp giấy phép xây dựng: "
                + properties.feeAmount() + " VND</p>" + Html.postForm("pay", "/fees", csrf,
                        "Nộp lệ phí / Pay the fee"));
    }

    /**
     * Opens a dossier fee and sends the browser to the payment platform.
     *
     * @param citizen the logged-in citizen
     * @return a redirect to the platform's payment page
     */
    @PostMapping("/fees")
    public ResponseEntity<Void> pay(@AuthenticationPrincipal EgovCitizen citizen) {
        String dossier = fees.newDossierCode();
        URI back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fees/{dossier}")
                .buildAndExpand(dossier).toUri();
        PaymentStart start = payments.create(PaymentOrder.of(dossier, properties.feeAmount(),
                "Lệ phí cấp giấy phép xây dựng").withReturnUrl(back));
        fees.open(new FeeBook.Fee(dossier, citizen.getName(), properties.feeAmount(), start.reference(),
                FeeBook.State.PENDING));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(start.redirectUrl()).build();
    }

    /**
     * Where a dossier's fee stands.
     *
     * @param dossier the dossier code
     * @param citizen the logged-in citizen (only their own fees are shown)
     * @return the page; 404 for an unknown dossier or another citizen's
     */
    @GetMapping(path = "/fees/{dossier}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@PathVariable("dossier") String dossier, @AuthenticationPrincipal EgovCitizen citizen) {
        FeeBook.Fee fee = fees.find(dossier).filter(f -> f.citizen().equals(citizen.getName())).orElse(null);
        if (fee == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Html.page("Không tìm thấy / Not found", "<p>" + Html.text(dossier) + "</p>"));
        }
        return ResponseEntity.ok(Html.page("Hồ sơ / Dossier " + dossier, "<dl>"
                + Html.field("dossier", "Hồ sơ / Dossier", fee.dossierCode())
                + Html.field("amount", "Số tiền / Amount (VND)", fee.amount())
                + Html.field("reference", "Mã tham chiếu / Reference", fee.reference())
                + Html.field("state", "Trạng thái / State", fee.state()) + "</dl>"));
    }
}
