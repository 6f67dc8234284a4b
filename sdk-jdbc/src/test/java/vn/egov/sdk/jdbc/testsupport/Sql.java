package vn.egov.sdk.jdbc.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;

/** Small SQL chores for the stores' tests. */
public final class Sql {
    private Sql() {
    }

    /**
     * Installs the schema (when missing) and empties the given tables.
     *
     * @param dataSource the database
     * @param tables the table names
     * @param names the tables' own names to empty
     */
    public static void installAndEmpty(DataSource dataSource, JdbcTables tables, String... names) {
        try {
            JdbcSchema.install(dataSource, tables);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String name : names) {
                    s.execute("TRUNCATE " + tables.table(name));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
    }
}
