package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.assertGolden;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.write;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer's bytes for one package of each business type and a status reply of each QĐ 28 code, compared with
 * the files under {@code src/test/resources/edxml/golden/} (rewrite them with {@code -Dedxml.golden.update=true}).
 */
class EdXmlWriterGoldenTest {

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("document-new.edxml", (Supplier<DocumentPackage>) EdXmlWriterTestData::newDocument),
                Arguments.of("document-revoke.edxml", (Supplier<DocumentPackage>) EdXmlWriterTestData::revoke),
                Arguments.of("document-update.edxml", (Supplier<DocumentPackage>) EdXmlWriterTestData::update),
                Arguments.of("document-replace.edxml", (Supplier<DocumentPackage>) EdXmlWriterTestData::replace));
    }

    static Stream<EdocStatus> statuses() {
        return EdocStatus.known().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentPackageMatchesGoldenFile(String file, Supplier<DocumentPackage> pkg) {
        assertGolden(file, write(pkg.get()));
    }

    @ParameterizedTest(name = "status {0}")
    @MethodSource("statuses")
    void statusReplyMatchesGoldenFile(EdocStatus status) {
        assertGolden("status-" + status.code() + ".edxml", write(EdXmlWriterTestData.status(status)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void writingTwiceGivesTheSameBytes(String file, Supplier<DocumentPackage> pkg) {
        DocumentPackage p = pkg.get();
        assertArrayEquals(write(p), write(p), file);
        assertArrayEquals(write(p), write(pkg.get()), file + ": an equal package built again");
    }

    @Test
    void statusWritingTwiceGivesTheSameBytes() {
        StatusPackage p = EdXmlWriterTestData.status(EdocStatus.ACCEPTED);
        assertArrayEquals(write(p), write(p));
    }
}
