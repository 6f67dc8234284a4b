package vn.egov.sdk.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.egov.sdk.axis.VdxpAxisClient;

/** An axis command: a client from the shared options, the call, its failures reported and mapped to a status. */
abstract class AxisCall implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AxisOptions axis;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        try (VdxpAxisClient client = axis.client()) {
            return run(client);
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    /**
     * Does the call and prints its result.
     *
     * @param client the client
     * @return the exit status
     */
    abstract int run(VdxpAxisClient client);
}
