package vn.egov.sdk.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code java} code blocks of Markdown files and the {@code // snippet:NAME} … {@code // end:NAME}
 * regions of Java sources, and says where a block differs from its region (compared line by line, ignoring
 * indentation and blank lines).
 */
final class Snippets {
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:([A-Za-z0-9_.-]+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([^\\s`]*).*$");
    private static final Pattern START = Pattern.compile("^\\s*//\\s*snippet:([A-Za-z0-9_.-]+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*end:([A-Za-z0-9_.-]+)\\s*$");

    /** A fenced {@code java} block of a Markdown file; {@code name} is empty when no marker precedes it. */
    record Block(String file, int line, String name, List<String> code) {
    }

    /** A marked region of a Java source. */
    record Region(String file, int line, String name, List<String> code) {
    }

    private Snippets() {
    }

    /** The {@code java} blocks of a Markdown text, in order; {@code line} is the 1-based line of the fence. */
    static List<Block> blocks(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            String fence = open.group(1);
            int start = i;
            List<String> code = new ArrayList<>();
            i++;
            while (i < lines.size() && !lines.get(i).strip().startsWith(fence)) {
                code.add(lines.get(i));
                i++;
            }
            i++; // past the closing fence (or the end of the file)
            if (open.group(2).equals("java")) {
                blocks.add(new Block(file, start + 1, markerBefore(lines, start), code));
            }
        }
        return blocks;
    }

    private static String markerBefore(List<String> lines, int fenceIndex) {
        for (int j = fenceIndex - 1; j >= 0; j--) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            Matcher m = MARKER.matcher(lines.get(j));
            return m.matches() ? m.group(1) : "";
        }
        return "";
    }

    /**
     * The marked regions of a Java source.
     *
     * @throws IllegalArgumentException naming the file and line of a region that is never closed or is nested
     */
    static List<Region> regions(String file, String source) {
        List<String> lines = source.lines().toList();
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = START.matcher(lines.get(i));
            if (!start.matches()) {
                continue;
            }
            String name = start.group(1);
            List<String> code = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                Matcher end = END.matcher(lines.get(j));
                if (end.matches() && end.group(1).equals(name)) {
                    break;
                }
                if (START.matcher(lines.get(j)).matches()) {
                    throw new IllegalArgumentException(file + ":" + (j + 1) + ": snippet region nested in '"
                            + name + "' (opened at line " + (i + 1) + ")");
                }
                code.add(lines.get(j));
            }
            if (j == lines.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '// snippet:" + name
                        + "' has no '// end:" + name + "'");
            }
            regions.add(new Region(file, i + 1, name, code));
            i = j;
        }
        return regions;
    }

    /** The regions of every {@code .java} file under {@code root}, by name; a name used twice is an error. */
    static Map<String, Region> regionsUnder(Path root, Path relativeTo) {
        Map<String, Region> byName = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = relativeTo.relativize(p).toString();
                for (Region r : regions(name, Files.readString(p))) {
                    Region before = byName.putIfAbsent(r.name(), r);
                    if (before != null) {
                        throw new IllegalArgumentException(r.file() + ":" + r.line() + ": snippet '" + r.name()
                                + "' already defined at " + before.file() + ":" + before.line());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }

    /** The lines compared: stripped of indentation, blank ones dropped. */
    static List<String> normalise(List<String> code) {
        return code.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * What is wrong with a block, or an empty string: no marker, no region of that name, or the first line where
     * the two differ, with a few lines of each around it.
     */
    static String problem(Block block, Map<String, Region> regions) {
        String where = block.file() + ":" + block.line() + ": ";
        if (block.name().isEmpty()) {
            return where + "a ```java block needs a '<!-- snippet:NAME -->' line before it, and a tested "
                    + "'// snippet:NAME' … '// end:NAME' region under examples/src/test/java";
        }
        Region region = regions.get(block.name());
        if (region == null) {
            return where + "snippet '" + block.name() + "' has no '// snippet:" + block.name()
                    + "' region in any test under examples/src/test/java";
        }
        List<String> doc = normalise(block.code());
        List<String> test = normalise(region.code());
        if (doc.equals(test)) {
            return "";
        }
        int at = 0;
        while (at < doc.size() && at < test.size() && doc.get(at).equals(test.get(at))) {
            at++;
        }
        StringBuilder b = new StringBuilder(where).append("snippet '").append(block.name())
                .append("' differs from ").append(region.file()).append(':').append(region.line())
                .append(" at its code line ").append(at + 1).append('\n');
        for (int k = Math.max(0, at - 2); k < Math.max(doc.size(), test.size()) && k <= at + 2; k++) {
            String d = k < doc.size() ? doc.get(k) : "<end>";
            String t = k < test.size() ? test.get(k) : "<end>";
            if (d.equals(t)) {
                b.append("    ").append(d).append('\n');
            } else {
                b.append("  - doc:  ").append(d).append('\n').append("  + test: ").append(t).append('\n');
            }
        }
        return b.toString();
    }
}
