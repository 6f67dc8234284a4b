package vn.egov.sdk.cli.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Picocli's command model for one run of {@code egov}, built only as far as the arguments need it.
 *
 * <p>Picocli builds its model by reflection over every command class, and on a cold JVM that is a large part of
 * the start-up. When an argument names a subcommand of a group (a command that only groups subcommands: no options
 * or parameters of its own but picocli's help options), the group is a bare command of the same name holding only
 * that subcommand, and so on down the path; the named command itself is built whole. Its parsing, help and errors
 * are the same as in the whole tree, since a subcommand's output involves only its own model and the names above
 * it. Anything else (no argument, an option such as {@code --help}, an unknown command, which picocli answers with
 * suggestions from all commands, or the completion script, which describes them all) gets the whole tree from there.
 */
public final class CommandTree {
    private static final List<Class<? extends Annotation>> ARGUMENTS =
            List.of(Option.class, Parameters.class, Mixin.class, ArgGroup.class);

    private CommandTree() {
    }

    /**
     * The command line to execute {@code args} with.
     *
     * @param root the root command's class, annotated with {@link Command} and its {@code subcommands}
     * @param args the arguments it will execute
     * @return the named path under bare groups, or the whole tree
     */
    public static CommandLine forArguments(Class<?> root, String... args) {
        return branch(root, args == null ? new String[0] : args, 0);
    }

    private static CommandLine branch(Class<?> type, String[] args, int next) {
        Command command = type.getAnnotation(Command.class);
        if (command != null && next < args.length && args[next] != null && onlyGroups(type)) {
            for (Class<?> sub : command.subcommands()) {
                Command subCommand = sub.getAnnotation(Command.class);
                if (subCommand != null && sub != AutoComplete.GenerateCompletion.class
                        && names(subCommand, args[next])) {
                    CommandLine line = new CommandLine(CommandSpec.create().name(command.name())
                            .aliases(command.aliases()).mixinStandardHelpOptions(command.mixinStandardHelpOptions()));
                    line.addSubcommand(branch(sub, args, next + 1));
                    return line;
                }
            }
        }
        return new CommandLine(type);
    }

    /** Whether the command declares no options, parameters, mixins or groups (help options aside). */
    private static boolean onlyGroups(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<AccessibleObject> members = new ArrayList<>(Arrays.asList(c.getDeclaredFields()));
            members.addAll(Arrays.asList(c.getDeclaredMethods()));
            for (AccessibleObject member : members) {
                for (Class<? extends Annotation> argument : ARGUMENTS) {
                    if (member.isAnnotationPresent(argument)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean names(Command command, String arg) {
        return command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg);
    }
}
