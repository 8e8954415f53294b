package org.worldbench.system;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * "The database did not answer", found anywhere in an exception chain and said in one line
 * that names the JDBC URL, so a wrong profile or a stopped server is obvious at a glance.
 *
 * @param url    the JDBC URL the platform tried
 * @param reason the driver's own words, first line only
 */
public record DatabaseConnectionFailure(String url, String reason) {

    public String oneLine() {
        return "cannot connect to the database at " + url + ": " + reason;
    }

    public String action() {
        return "Start that database server, or choose another one: the default profile needs nothing; "
                + "'--profile postgres' reads WORLDBENCH_DB_URL, WORLDBENCH_DB_USER and WORLDBENCH_DB_PASSWORD.";
    }

    /** Searches the cause chain for a refused, unknown, timed-out or rejected connection. */
    public static Optional<DatabaseConnectionFailure> find(Throwable failure, String url) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isConnectionProblem(t)) {
                return Optional.of(new DatabaseConnectionFailure(url == null ? "(no URL configured)" : url,
                        firstLine(t.getMessage(), t)));
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionProblem(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 28: invalid authorization; 3D000: no such database.
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                        || sql.getSQLState().equals("3D000"));
    }

    private static String firstLine(String message, Throwable t) {
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
