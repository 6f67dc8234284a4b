package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.egov.sdk.cli.internal.CommandTree;

/**
 * {@code Egov.main} builds only the branch its first argument names; what every command prints (help, usage errors,
 * exit status) is the same as with the whole tree, and help, completion and unknown commands get the whole tree.
 */
class CommandTreeTest {
    private static final Set<String> WHOLE_TREE = new TreeSet<>(new CommandLine(new Egov()).getSubcommands().keySet());

    @Test
    void aNamedCommandGetsOnlyItsBranch() {
        for (String name : WHOLE_TREE) {
            CommandLine line = CommandTree.forArguments(Egov.class, name, "--help");
            if (name.equals("generate-completion")) {
                assertEquals(WHOLE_TREE, line.getSubcommands().keySet(), name);
            } else {
                assertEquals(Set.of(name), line.getSubcommands().keySet(), name);
                assertEquals("egov", line.getCommandName());
                assertEquals(name, line.getSubcommands().get(name).getCommandName());
            }
        }
    }

    @Test
    void aGroupHoldsOnlyTheNamedSubcommandAndALeafIsWhole() {
        CommandLine edxml = CommandTree.forArguments(Egov.class, "edxml", "inspect", "x.edxml")
                .getSubcommands().get("edxml");
        assertEquals(Set.of("inspect"), edxml.getSubcommands().keySet());
        CommandLine whole = new CommandLine(new Egov()).getSubcommands().get("edxml");
        assertEquals(whole.getSubcommands().keySet(),
                CommandTree.forArguments(Egov.class, "edxml", "--help").getSubcommands().get("edxml")
                        .getSubcommands().keySet());
        assertEquals(whole.getSubcommands().get("inspect").getCommandSpec().options().size(),
                edxml.getSubcommands().get("inspect").getCommandSpec().options().size());
    }

    @Test
    void aGroupWithOptionsOfItsOwnIsBuiltWhole() {
        CommandLine top = CommandTree.forArguments(Top.class, "grouping", "--flag", "leaf");
        assertEquals(Set.of("grouping"), top.getSubcommands().keySet());
        CommandLine grouping = top.getSubcommands().get("grouping");
        assertTrue(grouping.getCommandSpec().findOption("--flag") != null, "grouping --flag");
        assertEquals(Set.of("leaf", "other"), grouping.getSubcommands().keySet());
        assertEquals(0, top.execute("grouping", "--flag", "leaf"));
    }

    /** A root whose one group has an option of its own. */
    @Command(name = "top", subcommands = Grouping.class)
    static final class Top {
    }

    /** A group with an option, which the bare group would lose. */
    @Command(name = "grouping", subcommands = {Leaf.class, Other.class})
    static final class Grouping {
        @Option(names = "--flag")
        boolean flag;
    }

    /** A leaf. */
    @Command(name = "leaf")
    static final class Leaf implements Runnable {
        @Override
        public void run() {
        }
    }

    /** Another leaf. */
    @Command(name = "other")
    static final class Other implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void helpCompletionAndUnknownCommandsGetTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"no-such-command"}, {"generate-completion"},
            {"--help", "edxml"}}) {
            assertEquals(WHOLE_TREE, CommandTree.forArguments(Egov.class, args).getSubcommands().keySet(),
                    String.join(" ", args));
        }
    }

    @Test
    void everyCommandPrintsTheSameAsInTheWholeTree() {
        List<String[]> cases = new ArrayList<>();
        for (List<String> path : paths(new CommandLine(new Egov()), new ArrayList<>())) {
            cases.add(with(path, "--help"));
            cases.add(with(path, "--no-such-option"));
            cases.add(path.toArray(String[]::new));
        }
        cases.add(new String[] {"edxml", "no-such-command"});
        cases.add(new String[] {"edxml", "inspect", "no-such-file.edxml"});
        int compared = 0;
        for (String[] args : cases) {
            if (args[0].equals("generate-completion") || args[0].equals("sandbox") && args.length == 1
                    || args[0].equals("login") && args.length == 1) {
                continue; // the whole tree anyway, or a command that would start a server or wait for a browser
            }
            assertEquals(run(new CommandLine(new Egov()), args), run(CommandTree.forArguments(Egov.class, args), args),
                    String.join(" ", args));
            compared++;
        }
        assertTrue(compared > 40, "compared " + compared);
    }

    private static List<List<String>> paths(CommandLine line, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        line.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            paths.addAll(paths(sub, path));
        });
        return paths;
    }

    private static String[] with(List<String> path, String arg) {
        List<String> args = new ArrayList<>(path);
        args.add(arg);
        return args.toArray(String[]::new);
    }

    private static String run(CommandLine line, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(args);
        return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
