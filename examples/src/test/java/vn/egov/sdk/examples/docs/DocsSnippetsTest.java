package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code java} code block of README.md and docs/*.md is code a test runs: the block is preceded by a
 * {@code <!-- snippet:NAME -->} line and equals (ignoring indentation and blank lines) the code between
 * {@code // snippet:NAME} and {@code // end:NAME} in a test under {@code examples/src/test/java}, which runs it
 * against the sandbox. Every such region is shown in some document.
 */
class DocsSnippetsTest {
    private static final Path ROOT = Paths.get(System.getProperty("egov.repo.root", "..")).toAbsolutePath()
            .normalize();
    private static final Path TESTS = ROOT.resolve("examples/src/test/java");

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsATestedSnippet() throws IOException {
        Map<String, Snippets.Region> regions = Snippets.regionsUnder(TESTS, ROOT);
        return documents().stream().map(doc -> DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> {
            List<String> problems = new ArrayList<>();
            for (Snippets.Block block : blocksOf(doc)) {
                String problem = Snippets.problem(block, regions);
                if (!problem.isEmpty()) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                fail(problems.size() + " code block(s) not as tested:\n" + String.join("\n", problems));
            }
        }));
    }

    @Test
    void everySnippetRegionIsShownInADocument() throws IOException {
        Set<String> shown = new HashSet<>();
        for (Path doc : documents()) {
            blocksOf(doc).forEach(b -> shown.add(b.name()));
        }
        List<String> unused = Snippets.regionsUnder(TESTS, ROOT).values().stream()
                .filter(r -> !shown.contains(r.name()))
                .map(r -> r.file() + ":" + r.line() + ": snippet '" + r.name() + "' is shown in no document")
                .toList();
        assertTrue(unused.isEmpty(), String.join("\n", unused));
    }

    @Test
    void theDocumentsAreFound() throws IOException {
        List<String> names = documents().stream().map(p -> ROOT.relativize(p).toString()).toList();
        assertTrue(names.contains("README.md"), names.toString());
        assertTrue(names.contains("docs/EDXML.md"), names.toString());
    }

    // The checker itself: each rule fails when broken.

    @Test
    void aBlockWithoutAMarkerIsReported() {
        Snippets.Block block = Snippets.blocks("X.md", "text\n```java\nint a = 1;\n```\n").get(0);
        String problem = Snippets.problem(block, Map.of());
        assertTrue(problem.startsWith("X.md:2: a ```java block needs a '<!-- snippet:NAME -->'"), problem);
    }

    @Test
    void aMarkerWithoutARegionIsReported() {
        Snippets.Block block = Snippets.blocks("X.md", "<!-- snippet:a -->\n\n```java\nint a = 1;\n```\n").get(0);
        assertEquals("a", block.name());
        assertTrue(Snippets.problem(block, Map.of()).contains("snippet 'a' has no '// snippet:a' region"));
    }

    @Test
    void aDifferenceIsShownWithTheFileAndLine() {
        Snippets.Block block = Snippets.blocks("X.md", "<!-- snippet:a -->\n```java\nint a = 1;\nint b = 2;\n```\n")
                .get(0);
        Map<String, Snippets.Region> regions = regionsOf(
                "class T {\n    void t() {\n        // snippet:a\n        int a = 1;\n        int b = 3;\n"
                        + "        // end:a\n    }\n}\n");
        String problem = Snippets.problem(block, regions);
        assertTrue(problem.startsWith("X.md:2: snippet 'a' differs from T.java:3 at its code line 2"), problem);
        assertTrue(problem.contains("- doc:  int b = 2;") && problem.contains("+ test: int b = 3;"), problem);
    }

    @Test
    void indentationAndBlankLinesDoNotCount() {
        Snippets.Block block = Snippets.blocks("X.md", "<!-- snippet:a -->\n```java\nint a = 1;\n\nint b = 2;\n```")
                .get(0);
        Map<String, Snippets.Region> regions = regionsOf("// snippet:a\n      int a = 1;\n  int b = 2;\n\n// end:a\n");
        assertEquals("", Snippets.problem(block, regions));
    }

    @Test
    void onlyJavaBlocksAreChecked() {
        List<Snippets.Block> blocks = Snippets.blocks("X.md",
                "```sh\nmvn verify\n```\n```xml\n<a/>\n```\n````java\n```\nint a;\n````\n");
        assertEquals(1, blocks.size());
        assertEquals(List.of("```", "int a;"), blocks.get(0).code());
        assertFalse(blocks.get(0).name().equals("sh"));
    }

    @Test
    void anUnclosedRegionIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Snippets.regions("T.java", "// snippet:a\nint a;\n"));
        assertEquals("T.java:1: '// snippet:a' has no '// end:a'", e.getMessage());
    }

    private static Map<String, Snippets.Region> regionsOf(String source) {
        Map<String, Snippets.Region> map = new java.util.LinkedHashMap<>();
        Snippets.regions("T.java", source).forEach(r -> map.put(r.name(), r));
        return map;
    }

    private static List<Snippets.Block> blocksOf(Path doc) throws IOException {
        return Snippets.blocks(ROOT.relativize(doc).toString(), Files.readString(doc));
    }

    /** README.md and every docs/*.md. */
    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
