package id.go.jambiprov.dumisake.shared.db;

import org.springframework.jdbc.core.PreparedStatementCreator;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * One statement for thousands of rows: each column goes as one text array, which the statement unnests and casts
 * ({@code from unnest(?::text[], ?::text[]) as x(a, b)}) — a JDBC batch still sends one insert per row.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** {@code sql} with one text array parameter per column of {@code rows}, in column order. */
    public static PreparedStatementCreator statement(String sql, List<Object[]> rows) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            int columns = rows.isEmpty() ? 0 : rows.get(0).length;
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    Object value = rows.get(row)[column];
                    values[row] = value == null ? null
                            : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
                }
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            return statement;
        };
    }
}
