package vn.egov.sdk.cli.internal;

import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's command model for one run of {@code egov}, built only as far as the arguments need it.
 *
 * <p>Picocli builds its model by reflection over every command class, and on a cold JVM that is most of the
 * start-up. When the first argument names a top-level command (by name or alias), only that command's branch is
 * built, under a bare root of the same name: its parsing, help and errors are the same as in the whole tree, since
 * a subcommand's output never involves its siblings or the root's options. Anything else (no argument, an option
 * such as {@code --help}, an unknown command, which picocli answers with suggestions from all commands, or the
 * completion script, which describes them all) gets the whole tree.
 */
public final class CommandTree {
    private CommandTree() {
    }

    /**
     * The command line to execute {@code args} with.
     *
     * @param root the root command's class, annotated with {@link Command} and its {@code subcommands}
     * @param args the arguments it will execute
     * @return the named branch under a bare root, or the whole tree
     */
    public static CommandLine forArguments(Class<?> root, String... args) {
        Command rootCommand = root.getAnnotation(Command.class);
        if (rootCommand != null && args != null && args.length > 0 && args[0] != null) {
            for (Class<?> sub : rootCommand.subcommands()) {
                Command command = sub.getAnnotation(Command.class);
                if (command != null && sub != AutoComplete.GenerateCompletion.class && names(command, args[0])) {
                    CommandLine line = new CommandLine(CommandSpec.create().name(rootCommand.name())
                            .mixinStandardHelpOptions(rootCommand.mixinStandardHelpOptions()));
                    line.addSubcommand(new CommandLine(sub));
                    return line;
                }
            }
        }
        return new CommandLine(root);
    }

    private static boolean names(Command command, String arg) {
        return command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg);
    }
}
