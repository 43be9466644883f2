package io.coincalltrader.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Reads and binds our column conventions: amounts as BigDecimal plain strings, times as epoch milliseconds. */
final class Columns {
    private Columns() {
    }

    static void amount(PreparedStatement s, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value.toPlainString());
        }
    }

    static BigDecimal amount(ResultSet r, String column) throws SQLException {
        String text = r.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    static void time(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }

    static Instant time(ResultSet r, String column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static void nullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    static Long nullableLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String text) {
        return text == null ? null : Enum.valueOf(type, text);
    }
}
