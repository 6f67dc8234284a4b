package vn.egov.sdk.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierValidator;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * The Tour's dossier step: the dossier whose fee the Tour paid through the payment platform is recorded as received
 * at the one-stop shop (its fees, paid online), validated, recorded with its first progress rows in a
 * {@link DossierSync} and drained to the simulated national portal; the requests sent, with the portal's wire names and replies, are written to
 * {@value #SYNC_FILE}.
 */
final class DossierTourStep {
    static final String DOSSIER_CODE = "000.00.01.H41-261206-0002";
    static final String SYNC_FILE = SyncDossier.SYNC_FILE;

    /** What the step did. */
    record Result(Dossier dossier, DvcqgPortalSandbox.HeldDossier held, Path syncFile) {
    }

    private DossierTourStep() {
    }

    /**
     * Pushes the dossier whose fee {@code paid} settled; writes {@value #SYNC_FILE} to {@code out}. Throws when a
     * step does not behave.
     */
    static Result run(NationalSandbox sandbox, PaymentCallback paid, Path out, Consumer<String> say) {
        Tour.expect(paid != null, "the fee of " + DOSSIER_CODE + " was not paid in the payment step");
        List<Fee> fees = List.of(
                new Fee("Phí thẩm định", "", "1", "100000", "1"),
                new Fee("Lệ phí cấp giấy phép xây dựng", "LP01", "1", "50000", "2"));
        Tour.expect(paid.amount() == 150_000, "expected the two fees paid: " + paid.amount());
        DossierValidator validator = DossierValidator.defaults();
        Dossier dossier = validator.validate(DossierDemo.received(DOSSIER_CODE, sandbox.now(), fees));
        List<DossierProgress> steps = DossierDemo.firstSteps(dossier);
        steps.forEach(validator::validate);
        say.accept("received at the one-stop shop: " + dossier + ", fees " + paid.amount() + " VND paid online "
                + "(platform reference " + paid.reference() + ", DuocThanhToanTrucTuyen "
                + dossier.onlinePayment() + "); valid");
        DvcqgPortalSandbox portal = sandbox.dvcqg();
        try (DvcqgAdapterClient client = DossierDemo.client(sandbox)) {
            RecordingTransport transport = new RecordingTransport(client);
            DossierSync sync = DossierSync.builder(transport).build();
            say.accept("recorded the dossier and its " + steps.size() + " progress rows in the sync's outbox, drained "
                    + "through the adapter (one session for every call): "
                    + DossierDemo.recordAndDrain(sync, dossier, steps));
            Path file = out.resolve(SYNC_FILE);
            transport.writeTo(file);
            DvcqgPortalSandbox.HeldDossier held = portal.dossier(DOSSIER_CODE).orElseThrow(
                    () -> new IllegalStateException("the portal does not hold " + DOSSIER_CODE));
            Tour.expect(held.progressRows() == steps.size(), "expected " + steps.size() + " rows: " + held);
            say.accept("the portal holds " + held.maHoSo() + " with TrangThaiHoSo " + held.status() + " and "
                    + held.progressRows() + " progress rows (its page: " + portal.pageUrl() + ")");
            return new Result(dossier, held, file);
        }
    }
}
