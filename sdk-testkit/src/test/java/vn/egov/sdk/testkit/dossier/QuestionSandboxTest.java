package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.AdapterException;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.DvcqgFeedbackClient;
import vn.egov.sdk.dossier.QaAnswer;
import vn.egov.sdk.dossier.QaItem;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** Questions and answers both ways through the simulated portal. */
class QuestionSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgAdapterClient adapter = CatalogueTestAdapters.adapter(sandbox);
    private final DvcqgFeedbackClient feedback = new DvcqgFeedbackClient(adapter);

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void aQuestionAskedOnThePortalIsListedAnsweredAndItsAnswerReadBack() {
        String nfd = Normalizer.normalize("Đăng ký khai tử cho người mất ở tỉnh khác được không?",
                Normalizer.Form.NFD);
        sandbox.dvcqg().askQuestion("{\"HOIDAPID\":\"QG-0100\",\"MaLinhVuc\":\"G09-TP01\",\"NOIDUNG\":\"" + nfd
                + "\",\"MADONVI\":\"H99.01\",\"TENDONVI\":\"Sở Tư pháp tỉnh Thử Nghiệm\"}");
        List<QaItem> asked = feedback.questionsFromPortal();
        assertEquals(List.of("QG-0001", "QG-0002", "QG-0100"), asked.stream().map(QaItem::id).toList());
        QaItem q = asked.get(2);
        assertEquals(nfd, q.question());
        assertTrue(q.answered().isEmpty());
        assertTrue(feedback.answer("QG-0100").isEmpty());

        QaAnswer answer = new QaAnswer(q.id(), "Chuyên viên Phòng Hộ tịch", Instant.parse("2026-12-02T02:00:00Z"),
                "Được, nộp tại nơi cư trú cuối cùng của người mất.");
        assertTrue(feedback.pushAnswers(List.of(answer)).success());
        assertEquals(answer, feedback.answer("QG-0100").orElseThrow());
        assertEquals(answer, feedback.questionsFromPortal().get(2).answered().orElseThrow());
    }

    @Test
    void theAgencysQuestionsArePushedAndListedBack() {
        QaItem mine = QaItem.builder().id("CQ-0001").fieldCode("G15-XD02")
                .question("Sửa chữa mái nhà có cần xin phép không?").agencyCode("H99.02")
                .agencyName("Sở Xây dựng tỉnh Thử Nghiệm")
                .answer(new QaAnswer("CQ-0001", "Phó Giám đốc", Instant.parse("2026-12-03T01:30:00Z"),
                        "Không, trừ khi thay đổi kết cấu chịu lực."))
                .build();
        assertTrue(feedback.pushQuestions(List.of(mine)).success());
        List<QaItem> listed = feedback.questionsFromAgencies();
        assertEquals(List.of(mine), listed);
        assertEquals(2, feedback.questionsFromPortal().size());
    }

    @Test
    void refusalsAndBrokenItemsAreTyped() {
        AdapterException unknown = assertThrows(AdapterException.class, () -> feedback.answer("QG-9999"));
        assertEquals(Fault.CALLER, unknown.fault());
        QaAnswer toUnknown = new QaAnswer("QG-9999", null, Instant.parse("2026-12-02T02:00:00Z"), "Trả lời");
        assertFalse(feedback.pushAnswers(List.of(toUnknown)).success());

        ValidationException e = assertThrows(ValidationException.class, () -> feedback.pushAnswers(
                List.of(new QaAnswer("QG-0001", null, null, ""))));
        assertEquals(List.of("answers[0].QaAnswer.NGAYTRALOI", "answers[0].QaAnswer.NOIDUNGTRALOI"),
                e.errors().stream().map(f -> f.path()).toList());
        assertThrows(ValidationException.class, () -> feedback.pushQuestions(List.of(QaItem.builder().build())));
        assertThrows(ValidationException.class, () -> feedback.answer(null));
        assertThrows(ValidationException.class, () -> sandbox.dvcqg().askQuestion("{\"NOIDUNG\":\"x\"}"));
        assertThrows(ValidationException.class, () -> sandbox.dvcqg().askQuestion("not json"));
    }
}
