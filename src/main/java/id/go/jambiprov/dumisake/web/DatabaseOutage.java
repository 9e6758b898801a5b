package id.go.jambiprov.dumisake.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

/**
 * Tells a database that has gone away (no connection, the server shutting down, a connection cut in
 * the middle of a transaction) from a real error, so that the former answers 503 and the latter 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // SQL state class 08: connection exception; 57P: operator intervention (shutdown, restart);
            // the pool reports a connection it already closed without a state, only with its message
            if (cause instanceof SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    : "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
