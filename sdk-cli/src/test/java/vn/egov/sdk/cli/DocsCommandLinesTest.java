package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code egov} command lines of the guides ({@code sh} blocks of {@code docs/*.md}, and the usage column of
 * {@code docs/CLI.md}'s command table) parse with the command line as built, so an option renamed in code breaks
 * the build, not the reader.
 */
class DocsCommandLinesTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern SH_BLOCK = Pattern.compile("```(?:sh|bash|shell)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(egov [^`]*)` \\|", Pattern.MULTILINE);
    private static final Pattern ENV_NAME = Pattern.compile("\\bEGOV_[A-Z0-9_]+\\b");

    @Test
    void everyCommandLineInAShellBlockParses() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        try (Stream<Path> guides = Files.list(DOCS)) {
            for (Path guide : guides.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher block = SH_BLOCK.matcher(Files.readString(guide, StandardCharsets.UTF_8));
                while (block.find()) {
                    commands.addAll(egovInvocations(block.group(1)));
                }
            }
        }
        List<String> broken = new ArrayList<>();
        for (List<String> args : commands) {
            try {
                new CommandLine(new Egov()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                broken.add("egov " + String.join(" ", args) + ": " + e.getMessage());
            }
        }
        assertTrue(broken.isEmpty(), "command lines in docs/*.md that egov does not parse:\n"
                + String.join("\n", broken));
        assertFalse(commands.size() < 15, "the guide's command lines were found: " + commands);
    }

    @Test
    void everyOptionInTheCommandTableExists() throws IOException {
        String guide = Files.readString(DOCS.resolve("CLI.md"), StandardCharsets.UTF_8);
        Matcher row = TABLE_ROW.matcher(guide);
        List<String> broken = new ArrayList<>();
        int rows = 0;
        while (row.find()) {
            rows++;
            String usage = row.group(1).replace("\\|", "|");
            CommandLine command = new CommandLine(new Egov());
            String[] words = usage.split("\\s+");
            for (int i = 1; i < words.length && words[i].matches("[a-z][a-z-]*"); i++) {
                CommandLine sub = command.getSubcommands().get(words[i]);
                if (sub == null) {
                    broken.add(usage + ": no command " + words[i]);
                    break;
                }
                command = sub;
            }
            CommandSpec spec = command.getCommandSpec();
            Matcher option = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*").matcher(usage);
            while (option.find()) {
                if (spec.findOption(option.group()) == null) {
                    broken.add(usage + ": " + spec.qualifiedName() + " has no option " + option.group());
                }
            }
        }
        assertTrue(broken.isEmpty(), "docs/CLI.md's command table names what egov lacks:\n"
                + String.join("\n", broken));
        assertFalse(rows < 15, "the command table was found: " + rows);
    }

    @Test
    void everyEnvironmentVariableTheGuideNamesIsReadByTheCommandLine() throws IOException {
        String guide = Files.readString(DOCS.resolve("CLI.md"), StandardCharsets.UTF_8);
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        List<String> unknown = new ArrayList<>();
        Matcher env = ENV_NAME.matcher(guide);
        while (env.find()) {
            // EGOV_SMOKE_PACKAGE is read by the smoke script, not by egov
            if (!env.group().equals("EGOV_SMOKE_PACKAGE") && !sources.toString().contains('"' + env.group() + '"')) {
                unknown.add(env.group());
            }
        }
        assertTrue(unknown.isEmpty(), "docs/CLI.md names environment variables egov never reads: " + unknown);
    }

    /** Every {@code egov} command in a shell block, its variables replaced, as the arguments after {@code egov}. */
    static List<List<String>> egovInvocations(String block) {
        Map<String, String> variables = new HashMap<>();
        List<List<String>> found = new ArrayList<>();
        for (String line : block.replace("\\\n", " ").split("\n")) {
            for (String segment : line.split("&&|\\|\\||[|;]|\\$\\(|\\)|<\\(")) {
                List<String> words = words(segment, variables);
                int start = 0;
                while (start < words.size() && ASSIGNMENT.matcher(words.get(start)).find()) {
                    start++;
                }
                if (start == words.size() && start > 0) {
                    for (String assignment : words) {
                        String[] pair = assignment.split("=", 2);
                        variables.put(pair[0], pair[1]);
                    }
                    continue;
                }
                if (start + 2 < words.size() && words.get(start).equals("java") && words.get(start + 1).equals("-jar")
                        && words.get(start + 2).endsWith("egov.jar")) {
                    found.add(words.subList(start + 3, words.size()));
                } else if (start < words.size() && words.get(start).equals("egov")) {
                    found.add(words.subList(start + 1, words.size()));
                }
            }
        }
        return found;
    }

    /** A segment's words as the shell splits them: quotes kept together, comments cut, variables expanded. */
    private static List<String> words(String segment, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '#' && word == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '$' && word == null && segment.startsWith("$", i)) {
                // an unquoted variable alone is split into words; quoted or inside a word it stays one
                Matcher variable = VARIABLE.matcher(segment).region(i, segment.length());
                if (variable.lookingAt() && variables.containsKey(variable.group(1))
                        && (variable.end() == segment.length()
                        || Character.isWhitespace(segment.charAt(variable.end())))) {
                    for (String w : variables.get(variable.group(1)).trim().split("\\s+")) {
                        words.add(w);
                    }
                    i = variable.end() - 1;
                } else {
                    word = new StringBuilder().append(c);
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        List<String> expanded = new ArrayList<>();
        for (String w : words) {
            Matcher variable = VARIABLE.matcher(w);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(out, Matcher.quoteReplacement(
                        variables.getOrDefault(variable.group(1), "VALUE-OF-" + variable.group(1))));
            }
            variable.appendTail(out);
            expanded.add(out.toString());
        }
        return expanded;
    }
}
