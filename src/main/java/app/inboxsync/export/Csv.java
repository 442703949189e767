package app.inboxsync.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 rows: every field quoted, quotes doubled, so commas and line breaks inside texts survive. */
final class Csv {
    private Csv() {
    }

    static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write('"');
            w.write(fields.get(i).replace("\"", "\"\""));
            w.write('"');
        }
        w.write("\r\n");
    }
}
