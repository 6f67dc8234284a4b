package vn.egov.sdk.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import vn.egov.sdk.core.FieldError;

/**
 * A package description that was read but says something wrong: missing, unknown or malformed keys, each named by
 * its path and rule. An unreadable input (exit 3), as the description is the command's input.
 */
final class InvalidDescriptionException extends UnreadableInputException {
    private static final long serialVersionUID = 1L;

    InvalidDescriptionException(Path file, List<FieldError> problems) {
        super("description " + file + " has " + problems.size() + " problem(s): " + problems.stream()
                .map(p -> p.path() + " " + p.message() + " [" + p.code() + "]").collect(Collectors.joining("; ")),
                null);
    }
}
