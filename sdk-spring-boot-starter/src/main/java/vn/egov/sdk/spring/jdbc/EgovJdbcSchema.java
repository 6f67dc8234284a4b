package vn.egov.sdk.spring.jdbc;

import java.util.List;
import vn.egov.sdk.jdbc.JdbcTables;

/**
 * The SDK's tables in the application's database, as the starter found them: their names, and the schema scripts
 * this start applied ({@code egov.jdbc.initialize-schema=true}; none otherwise). Every JDBC store bean of the starter
 * is made after it, so the tables exist before a store is used when the SDK is asked to create them.
 *
 * @param tables the tables' names ({@code egov.jdbc.table-prefix})
 * @param applied the scripts applied at this start, in order; empty when the schema was up to date or not managed
 *        by the SDK
 */
public record EgovJdbcSchema(JdbcTables tables, List<String> applied) {
    /**
     * Checks and copies the arguments.
     *
     * @param tables the tables' names
     * @param applied the scripts applied
     */
    public EgovJdbcSchema {
        applied = List.copyOf(applied);
    }
}
