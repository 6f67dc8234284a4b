package vn.egov.sdk.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import vn.egov.sdk.cli.ExitCodes;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.identity.LoginProviderException;

/**
 * Turns a failure into its exit status and a message in Vietnamese and English, one line each on standard error (and
 * a JSON object on standard output with {@code --json}); the stack trace only with {@code --verbose}.
 */
final class Failures {
    private Failures() {
    }

    /**
     * Reports a failure.
     *
     * @param failure what went wrong
     * @param spec the command that failed, for its output streams
     * @param options whether JSON and stack traces were asked for
     * @return the exit status for it
     */
    static int report(Throwable failure, CommandSpec spec, OutputOptions options) {
        return report(Kind.of(failure), failure, spec, options);
    }

    /**
     * Reports a package that breaks the rules checked before it is sent: {@link ExitCodes#INVALID}, not a usage error.
     *
     * @param failure the validation error, naming every broken rule
     * @param spec the command that failed, for its output streams
     * @param options whether JSON and stack traces were asked for
     * @return {@link ExitCodes#INVALID}
     */
    static int reportInvalidPackage(ValidationException failure, CommandSpec spec, OutputOptions options) {
        return report(Kind.INVALID_PACKAGE, failure, spec, options);
    }

    private static int report(Kind kind, Throwable failure, CommandSpec spec, OutputOptions options) {
        String detail = detail(failure);
        PrintWriter err = spec.commandLine().getErr();
        Colors colors = Colors.of(options);
        err.println(colors.red("Lỗi:") + " " + kind.vietnamese + ": " + detail);
        err.println(colors.red("Error:") + " " + kind.english + ": " + detail);
        if (options.verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        if (options.json) {
            ObjectNode json = Json.object();
            ObjectNode error = json.putObject("error");
            error.put("exitCode", kind.exitCode);
            error.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            error.put("message", detail);
            Json.print(spec, json);
        }
        return kind.exitCode;
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    /** What kind of failure, with its status and its words in both languages. */
    private enum Kind {
        INVALID_PACKAGE(ExitCodes.INVALID, "gói tin vi phạm quy tắc, không gửi", "the package breaks rules, not sent"),
        UNREADABLE(ExitCodes.UNREADABLE, "không đọc được dữ liệu vào", "unreadable input"),
        INVALID_ARGUMENT(ExitCodes.USAGE, "tham số không hợp lệ", "invalid argument"),
        AUTHENTICATION(ExitCodes.AUTHENTICATION, "xác thực bị từ chối", "authentication refused"),
        UNREACHABLE(ExitCodes.REMOTE, "không kết nối được", "cannot reach the remote side"),
        REMOTE(ExitCodes.REMOTE, "bên kia báo lỗi hoặc từ chối", "the remote side failed or refused"),
        CANNOT_START(ExitCodes.CANNOT_START, "không khởi động được", "cannot start"),
        INTERNAL(ExitCodes.INTERNAL, "lỗi không lường trước (chạy lại với --verbose để báo lỗi)",
                "unexpected failure (run again with --verbose to report it)");

        final int exitCode;
        final String vietnamese;
        final String english;

        Kind(int exitCode, String vietnamese, String english) {
            this.exitCode = exitCode;
            this.vietnamese = vietnamese;
            this.english = english;
        }

        static Kind of(Throwable failure) {
            if (failure instanceof UnreadableInputException || failure instanceof EdXmlFormatException) {
                return UNREADABLE;
            }
            if (failure instanceof ValidationException) {
                return INVALID_ARGUMENT;
            }
            if (failure instanceof AuthenticationException || failure instanceof MissingSecretException
                    || failure instanceof LoginProviderException p && "invalid_client".equals(p.error())) {
                return AUTHENTICATION;
            }
            if (failure instanceof CannotStartException) {
                return CANNOT_START;
            }
            if (failure instanceof TransportException || failure instanceof LoginTimeoutException) {
                return UNREACHABLE;
            }
            if (failure instanceof PlatformException || failure instanceof CounterpartyException) {
                return REMOTE;
            }
            if (failure instanceof EgovException e) {
                // the caller's side (a local key or token that cannot sign, a setting the SDK refuses) is not the
                // remote side's failure: it is an argument of this command line
                return e.fault() == Fault.CALLER ? INVALID_ARGUMENT : REMOTE;
            }
            return INTERNAL;
        }
    }
}
