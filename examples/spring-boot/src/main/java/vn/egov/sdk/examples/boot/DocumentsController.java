package vn.egov.sdk.examples.boot;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents received from the national axis and the status each was answered with. Behind the login like every
 * page but the home page; a real portal would show it to the agency's clerks only.
 */
@RestController
public class DocumentsController {
    private final ReceivedDocuments documents;

    /**
     * Created by Spring.
     *
     * @param documents the received documents
     */
    public DocumentsController(ReceivedDocuments documents) {
        this.documents = documents;
    }

    /**
     * The received documents, newest first.
     *
     * @return the page
     */
    @GetMapping(path = "/documents", produces = MediaType.TEXT_HTML_VALUE)
    public String list() {
        StringBuilder rows = new StringBuilder("<table id=\"documents\"><tr><th>docId</th><th>Từ / From</th>"
                + "<th>Số, ký hiệu / Code</th><th>Trích yếu / Subject</th><th>Chữ ký / Signature</th>"
                + "<th>Trạng thái trả lời / Status answered</th></tr>");
        for (ReceivedDocuments.Document d : documents.all()) {
            rows.append("<tr><td>").append(Html.text(d.docId())).append("</td><td>").append(Html.text(d.from()))
                    .append("</td><td>").append(Html.text(d.code())).append("</td><td>")
                    .append(Html.text(d.subject())).append("</td><td>").append(Html.text(d.signature()))
                    .append("</td><td>").append(Html.text(d.status())).append("</td></tr>");
        }
        return Html.page("Văn bản đến / Received documents", rows + "</table>");
    }
}
