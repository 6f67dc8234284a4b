package vn.egov.sdk.examples.boot;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;

/**
 * The starter's receive loop ({@code egov.axis.receive.enabled=true}) hands every package fetched from the national
 * axis to this bean. A document whose signature verified is kept and answered with status 03 ("accepted"), one
 * whose signature did not with status 02 ("refused"); the reply goes back through the starter's axis client, which
 * signs it with the key of {@code egov.signing.*}. Returning normally lets the loop acknowledge the package.
 */
@Component
public class ReplyingPackageHandler implements PackageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyingPackageHandler.class);

    private final VdxpAxisClient axis;
    private final ReceivedDocuments documents;
    private final Organization me;
    private final Clock clock = Clock.systemUTC();

    /**
     * Created by Spring.
     *
     * @param axis the starter's axis client (signing what it sends)
     * @param documents where received documents are kept
     * @param properties who this agency is
     */
    public ReplyingPackageHandler(VdxpAxisClient axis, ReceivedDocuments documents, SampleProperties properties) {
        this.axis = axis;
        this.documents = documents;
        this.me = Organization.of(properties.organId(), properties.organName());
    }

    @Override
    public void handle(ReceivedPackage received) {
        if (!(received.pkg() instanceof DocumentPackage document)) {
            // a status package about a document this agency sent; the sample only logs it
            LOG.info("status package {} received", received.docId());
            return;
        }
        if (received.attempt() > 1 && documents.find(received.docId()).isPresent()) {
            return; // handed over again after a crash between keeping it and the loop's checkpoint: already done
        }
        String signature = received.signature().map(c -> c.indication().name()).orElse("UNSIGNED");
        boolean trusted = received.signature().map(c -> c.indication() == SignatureCheck.Indication.VALID)
                .orElse(false);
        EdocStatus status = trusted ? EdocStatus.ACCEPTED : EdocStatus.REJECTED;
        StatusPackage reply = EdXmlPackages.statusReply(document, me, status,
                StaffInfo.of("Văn thư", "Văn thư điện tử", "", ""), "", clock);
        SendResult sent = axis.send(reply);
        MessageHeader header = document.header();
        documents.add(new ReceivedDocuments.Document(received.docId(), header.from().organId().value(),
                header.code().codeNumber() + "/" + header.code().codeNotation(), header.subject(), signature,
                status.code(), sent.docId(), clock.instant()));
        LOG.info("document {} from {} ({} signature) answered with status {} in {}", received.docId(),
                header.from().organId(), signature, status.code(), sent.docId());
    }
}
