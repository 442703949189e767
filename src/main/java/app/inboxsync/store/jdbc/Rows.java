package app.inboxsync.store.jdbc;

import app.inboxsync.domain.Folder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reading the column types the schema uses. */
public final class Rows {
    private Rows() {
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<String> list = new ArrayList<>(values.length);
            for (Object v : values) {
                list.add((String) v);
            }
            return List.copyOf(list);
        } finally {
            array.free();
        }
    }

    public static List<Folder> folders(ResultSet rs, int column) throws SQLException {
        return folders(rs, rs.getMetaData().getColumnLabel(column));
    }

    /** The folder a column names; null for a name this version does not know (a newer one may know more). */
    public static Folder folder(ResultSet rs, String column) throws SQLException {
        String name = rs.getString(column);
        try {
            return name == null ? null : Folder.parse(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Unknown names are skipped: a newer version may know more folders. */
    public static List<Folder> folders(ResultSet rs, String column) throws SQLException {
        List<Folder> folders = new ArrayList<>();
        for (String name : strings(rs, column)) {
            try {
                folders.add(Folder.parse(name));
            } catch (IllegalArgumentException ignored) {
                // not ours to interpret
            }
        }
        return List.copyOf(folders);
    }
}
