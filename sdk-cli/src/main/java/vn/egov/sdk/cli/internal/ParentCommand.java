package vn.egov.sdk.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.egov.sdk.cli.ExitCodes;

/** A command that only groups subcommands: run alone, it prints its usage and fails as a usage error. */
abstract class ParentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
