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
        try (TransferProgress progress = progress();
                VdxpAxisClient client = axis.client(progress == null ? null : progress.okHttpClient())) {
            return run(client);
        } catch (RuntimeException e) {
            return Failures.report(e, spec, output);
        }
    }

    /**
     * The progress of this command's transfer, if it shows one.
     *
     * @return the progress, or {@code null} (the default) for none
     */
    TransferProgress progress() {
        return null;
    }

    /**
     * A progress bar on standard error when the options ask for one.
     *
     * @param options the command's progress options
     * @param direction the bytes to count
     * @param label what the bar is of
     * @return the progress, or {@code null}
     */
    final TransferProgress progress(ProgressOptions options, TransferProgress.Direction direction, String label) {
        return options.enabled(output.json, System.console() != null)
                ? new TransferProgress(direction, spec.commandLine().getErr(), label) : null;
    }

    /**
     * Does the call and prints its result.
     *
     * @param client the client
     * @return the exit status
     */
    abstract int run(VdxpAxisClient client);
}
