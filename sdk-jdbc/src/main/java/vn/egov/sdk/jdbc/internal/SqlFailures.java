package vn.egov.sdk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failed SQL call may succeed if tried again, from its SQLState: a lost or refused connection (class
 * {@code 08}), a serialization failure or deadlock ({@code 40001}, {@code 40P01}), the server shutting down or
 * restarting ({@code 57P01}–{@code 57P03}), or out of resources (class {@code 53}). Anything else (a syntax error,
 * a missing table, a broken constraint) will fail the same way again.
 */
public final class SqlFailures {
    private SqlFailures() {
    }

    /**
     * Whether the same call may succeed later.
     *
     * @param e the failure (its chain of {@link SQLException#getNextException() next exceptions} is looked at too)
     * @return true for the transient states above
     */
    public static boolean retryable(SQLException e) {
        int looked = 0;
        for (SQLException x = e; x != null && looked < 10; x = x.getNextException(), looked++) {
            if (x instanceof SQLTransientException || x instanceof SQLRecoverableException
                    || retryable(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an SQLState names a transient failure.
     *
     * @param sqlState the five-character state, or {@code null}
     * @return true for the transient states above
     */
    public static boolean retryable(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.equals("40001")
                || sqlState.equals("40P01") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }

    /**
     * A short description for an exception message: the SQLState and the driver's message.
     *
     * @param e the failure
     * @return for example {@code "SQLState 08006: Connection refused"}
     */
    public static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ": " + e.getMessage();
    }
}
