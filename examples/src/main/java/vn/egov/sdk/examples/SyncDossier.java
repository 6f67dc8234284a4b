package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.Dossier;
import vn.egov.sdk.dossier.DossierProgress;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierValidator;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Keeps the national public-service portal (Cổng DVCQG) up to date with a dossier of the one-stop shop, against the
 * sandbox's simulated portal: builds a dossier, shows the validator naming every broken rule of an incomplete one,
 * validates the real one, records it and its progress in a {@link DossierSync}'s outbox and drains it, records it
 * again (the same key: nothing sent), records a change through a second sync (the portal answers "đã tồn tại" and
 * the record goes again as an update), and prints what the portal holds. Writes {@code dossier-sync.json} (every request
 * sent, with the portal's wire names, and its reply) to {@code --out DIR} (default {@code target/examples}); exits
 * with status 1 when a step fails.
 *
 * <p>Against the real portal, build the client with the adapter URL, the account, {@code madonvi} and
 * {@code dstcode} your province was given.
 */
public final class SyncDossier {
    static final String SYNC_FILE = "dossier-sync.json";
    static final String DOSSIER_CODE = "000.00.01.H41-261207-0001";

    private SyncDossier() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --out DIR}
     * @throws IOException if the output folder cannot be created
     */
    public static void main(String[] args) throws IOException {
        Path out = Tour.parseOut(args, Path.of("target", "examples"));
        if (!run(out, System.out)) {
            System.exit(1);
        }
    }

    /** Syncs the dossier, printing each step; returns whether every step behaved. */
    static boolean run(Path out, PrintStream console) throws IOException {
        Files.createDirectories(out);
        try (NationalSandbox sandbox = NationalSandbox.start();
                DvcqgAdapterClient client = DossierDemo.client(sandbox)) {
            DvcqgPortalSandbox portal = sandbox.dvcqg();
            console.println("Started the sandbox's national portal adapter at " + portal.adapterUrl());
            DossierValidator validator = DossierValidator.defaults();

            Dossier incomplete = Dossier.builder().dossierCode("HS-0001").holderName("Nguyễn Văn An").build();
            try {
                validator.validate(incomplete);
                throw new IllegalStateException("the incomplete dossier passed the validator");
            } catch (ValidationException e) {
                console.println("- an incomplete dossier is refused before anything is sent, every rule at once ("
                        + e.errors().size() + "):");
                e.errors().forEach(error -> console.println("    " + error.path() + ": " + error.message()));
            }

            Dossier dossier = validator.validate(DossierDemo.received(DOSSIER_CODE, sandbox.now(),
                    List.of(new Fee("Lệ phí cấp giấy phép xây dựng", "LP01", "1", "50000", "2"))));
            List<DossierProgress> steps = DossierDemo.firstSteps(dossier);
            steps.forEach(validator::validate);
            console.println("- " + dossier + " is valid: MaTTHC " + dossier.procedureCode() + ", received "
                    + dossier.receivedAt() + ", due " + dossier.dueAt());

            RecordingTransport transport = new RecordingTransport(client);
            DossierSync sync = DossierSync.builder(transport).build();     // an in-memory outbox by default
            console.println("- recorded the dossier and its " + steps.size() + " progress rows, drained: "
                    + DossierDemo.recordAndDrain(sync, dossier, steps));
            sync.record(dossier);
            Tour.expect(sync.drain().calls() == 0, "the same dossier recorded again was sent again");
            console.println("- recorded the same dossier again: the same idempotency key, nothing to send");

            // another sync (another process, or one restarted on an empty in-memory outbox) records a change
            DossierSync restarted = DossierSync.builder(transport).build();
            console.println("- a new sync records the dossier with a note: " + DossierDemo.recordAndDrain(restarted,
                    dossier.toBuilder().note("Chủ hồ sơ bổ sung bản vẽ mặt cắt").build(), List.of()));

            DvcqgPortalSandbox.HeldDossier held = portal.dossier(DOSSIER_CODE).orElseThrow(
                    () -> new IllegalStateException("the portal does not hold " + DOSSIER_CODE));
            Tour.expect(held.updates() == 1 && held.progressRows() == steps.size(),
                    "expected one update and " + steps.size() + " progress rows: " + held);
            console.println("- the portal holds " + held.maHoSo() + ": TrangThaiHoSo " + held.status() + ", "
                    + held.updates() + " update, " + held.progressRows() + " progress rows:");
            portal.history(DOSSIER_CODE).forEach(row -> console.println("    " + row.thoiDiemXuLy() + " "
                    + row.nguoiXuLy() + ": " + row.noiDungXuLy() + " (TrangThai " + row.trangThai() + ")"));
            transport.writeTo(out.resolve(SYNC_FILE));
            console.println("Wrote " + out.resolve(SYNC_FILE) + "; the portal's page: " + portal.pageUrl());
            return true;
        } catch (RuntimeException e) {
            console.println("Failed: " + e);
            return false;
        }
    }
}
