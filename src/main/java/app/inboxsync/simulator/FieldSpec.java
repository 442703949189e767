package app.inboxsync.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of Graph's {@code fields} parameter, e.g. {@code messages.limit(100){id,from}}: a name, its
 * modifiers ({@code limit → 100}) and, for edges, the fields of the nested objects.
 */
record FieldSpec(String name, Map<String, String> modifiers, List<FieldSpec> children) {

    static List<FieldSpec> parseList(String fields) {
        Parser p = new Parser(fields);
        List<FieldSpec> out = p.list();
        if (p.pos < fields.length()) {
            throw new IllegalArgumentException("Syntax error \"Expected end of string instead of \""
                    + fields.charAt(p.pos) + "\".\" at character " + p.pos + ": " + fields);
        }
        return out;
    }

    /** Written back in Graph syntax, for the {@code fields} of a nested edge's {@code next} link. */
    static String render(List<FieldSpec> specs) {
        StringBuilder sb = new StringBuilder();
        for (FieldSpec f : specs) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f.name);
            f.modifiers.forEach((k, v) -> sb.append('.').append(k).append('(').append(v).append(')'));
            if (!f.children.isEmpty()) {
                sb.append('{').append(render(f.children)).append('}');
            }
        }
        return sb.toString();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<FieldSpec> list() {
            List<FieldSpec> out = new ArrayList<>();
            skipSpaces();
            while (pos < s.length() && s.charAt(pos) != '}') {
                out.add(field());
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    skipSpaces();
                }
            }
            return out;
        }

        private FieldSpec field() {
            String name = word();
            Map<String, String> modifiers = new LinkedHashMap<>();
            List<FieldSpec> children = List.of();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.') {
                    pos++;
                    String modifier = word();
                    expect('(');
                    int close = s.indexOf(')', pos);
                    if (close < 0) {
                        throw error("')'");
                    }
                    modifiers.put(modifier, s.substring(pos, close).trim());
                    pos = close + 1;
                } else if (c == '{') {
                    pos++;
                    children = list();
                    expect('}');
                } else {
                    break;
                }
            }
            return new FieldSpec(name, modifiers, children);
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("a field name");
            }
            return s.substring(start, pos);
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("Syntax error \"Expected " + expected + "\" at character " + pos
                    + ": " + s);
        }
    }
}
