package vn.egov.sdk.jdbc;

import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;

/**
 * The names of the SDK's tables: a prefix (default {@value #DEFAULT_PREFIX}) before each table's own name, so that
 * the SDK's tables sit beside the vendor's in one schema without clashing. The schema scripts under
 * {@code db/egov/postgresql} write the prefix as the placeholder {@code ${egov_prefix}} (Flyway's placeholder
 * syntax: set {@code flyway.placeholders.egov_prefix}).
 *
 * <p>A prefix is lower-case ASCII letters, digits and {@code _}, starting with a letter, at most 30 characters,
 * optionally schema-qualified ({@code vendor_schema.egov_}); it is put into SQL text, which is why it is checked
 * this strictly.
 *
 * @param prefix the prefix of every table name
 */
public record JdbcTables(String prefix) {
    /** The prefix used unless a vendor chooses another. */
    public static final String DEFAULT_PREFIX = "egov_";

    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,29}\\.)?[a-z][a-z0-9_]{0,29}");

    /**
     * Checks the prefix.
     *
     * @param prefix the prefix of every table name
     * @throws ValidationException naming {@code prefix} when it is null or breaks the rule above
     */
    public JdbcTables {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw ValidationException.of("jdbc.prefix.invalid", "prefix",
                    "a table prefix is lower-case letters, digits and _, starting with a letter, at most 30"
                            + " characters, optionally schema-qualified (schema.prefix_)");
        }
    }

    /**
     * The default names ({@value #DEFAULT_PREFIX}).
     *
     * @return the tables with the default prefix
     */
    public static JdbcTables defaults() {
        return new JdbcTables(DEFAULT_PREFIX);
    }

    /**
     * The full name of one of the SDK's tables.
     *
     * @param name the table's own name, for example {@code axis_checkpoint}
     * @return the prefixed name, for example {@code egov_axis_checkpoint}
     */
    public String table(String name) {
        return prefix + name;
    }
}
