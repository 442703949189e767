package app.inboxsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement in the app is a constant: values travel as bind parameters, never spliced into the text.
 * Reads the main sources: an SQL string literal may only be joined with other literals, UPPER_CASE constants
 * or a condition choosing between literals; no SQL goes through String.format/formatted; and a plain
 * Statement only ever runs a literal. The checker is tested on bad and good samples, so it cannot pass by
 * seeing nothing.
 */
class SqlIsParameterizedTest {
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");
    /** SQL as this codebase writes it: keywords in capitals. */
    private static final Pattern SQL = Pattern.compile("\\b(SELECT\\s|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM"
            + "|ALTER\\s+(ROLE|USER|TABLE|DATABASE)|CREATE\\s+(DATABASE|TABLE|ROLE|INDEX)|DROP\\s+\\w+|GRANT\\s|WHERE\\s"
            + "|ORDER\\s+BY|SET\\s+\\w+\\s*=)");
    private static final Pattern CONSTANT = Pattern.compile("(\\w+\\.)?[A-Z][A-Z0-9_]*");
    /** {@code (flag ? "…" : "…")} once its literals are blanked. */
    private static final Pattern CHOICE = Pattern.compile("\\(\\s*!?\\w+\\s*\\?\\s*L\\s*:\\s*L\\s*\\)");
    /**
     * SQL the browser's two builders compose from their own constant fragments: a filter's WHERE
     * ({@code FilterSql}, whose text FilterSqlTest shows to be independent of every value) and a sort's ORDER BY
     * ({@code store.read.SortSql}: a column named by a switch over an enum, each case a literal). Their output may
     * be joined to SQL; the two builders themselves are exempt from the literal-only rule, since they join their
     * own fragments (String.join and formatted; the switch's column name).
     */
    private static final java.util.Set<String> BUILT_SQL = java.util.Set.of("where.where()", "sort.orderBy()", "column.sql",
            "SortSql.orderBy(sort)");
    private static final java.util.Set<String> SQL_BUILDER_FILES = java.util.Set.of("FilterSql.java", "SortSql.java");
    private static final Pattern RUN_STATEMENT = Pattern.compile("\\.(execute|executeQuery|executeUpdate|addBatch)\\(([^)]*)\\)");

    @Test
    void everySqlStatementInTheAppIsAConstant() throws IOException {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !SQL_BUILDER_FILES.contains(p.getFileName().toString())).toList()) {
                String source = Files.readString(f, StandardCharsets.UTF_8);
                statements += countSql(source);
                check(source).forEach(p -> problems.add(f + ": " + p));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(true, statements > 30, "the scan found the app's SQL: " + statements);
    }

    @Test
    void theCheckerCatchesSplicedValuesAndLetsConstantsThrough() {
        flagged("String q = \"SELECT * FROM t WHERE id = '\" + id + \"'\";");
        flagged("s.executeQuery(\"DELETE FROM t WHERE name = \" + name);");
        flagged("String q = where + \" ORDER BY name\";");
        flagged("String q = \"UPDATE t SET a = %s\".formatted(value);");
        flagged("String q = String.format(\"SELECT a FROM t WHERE b = %d\", n);");
        flagged("st.execute(sql);");
        flagged("st.execute(\"ALTER ROLE x PASSWORD '\" + password.reveal() + \"'\");");
        assertEquals(List.of(), check("String q = \"SELECT \" + COLUMNS + \" FROM t WHERE id = ?\" + (search ? \"\"\"\n AND x ILIKE ?\n\"\"\" : \"\") + \" ORDER BY a\";"));
        assertEquals(List.of(), check("s.execute(\"CREATE DATABASE \" + DATABASE);"));
        assertEquals(List.of(), check("c.prepareStatement(Queries.SUMMARY + \" WHERE p.id = ?\");"));
        assertEquals(List.of(), check("log.warn(\"Could not update the page \" + pageId);"), "not SQL");
        assertEquals(List.of(), check("String q = \"SELECT a FROM t c\" + where.where() + sort.orderBy();"), "the builders' output");
        flagged("String q = \"SELECT a FROM t c\" + filter.search();");
    }

    private static void flagged(String sample) {
        assertEquals(true, !check(sample).isEmpty(), "not caught: " + sample);
    }

    /** Problems in one source file. */
    static List<String> check(String source) {
        String code = source.replaceAll("(?m)^\\s*(//|\\*|/\\*).*$", "");
        List<String> problems = new ArrayList<>();
        StringBuilder blanked = new StringBuilder();
        List<Boolean> literalIsSql = new ArrayList<>();
        Matcher m = LITERAL.matcher(code);
        int last = 0;
        while (m.find()) {
            blanked.append(code, last, m.start()).append('L').append(literalIsSql.size()).append('L');
            literalIsSql.add(SQL.matcher(m.group()).find());
            last = m.end();
        }
        blanked.append(code.substring(last));
        String b = blanked.toString();
        for (int i = 0; i < literalIsSql.size(); i++) {
            if (!literalIsSql.get(i)) {
                continue;
            }
            String token = "L" + i + "L";
            int at = b.indexOf(token);
            String before = b.substring(0, at).stripTrailing();
            String after = b.substring(at + token.length()).stripLeading();
            if (before.endsWith("+")) {
                String operand = lastOperand(before.substring(0, before.length() - 1));
                if (!allowed(operand)) {
                    problems.add("SQL joined with " + operand + ": " + token);
                }
            }
            if (after.startsWith("+")) {
                String operand = firstOperand(after.substring(1));
                if (!allowed(operand)) {
                    problems.add("SQL joined with " + operand);
                }
            }
            if (after.startsWith(".formatted(") || before.endsWith("String.format(")) {
                problems.add("SQL built with format");
            }
        }
        boolean jdbc = !source.contains("import ") || source.contains("import java.sql");
        Matcher run = RUN_STATEMENT.matcher(b);
        while (jdbc && run.find()) {
            String argument = run.group(2).strip();
            boolean constant = java.util.Arrays.stream(argument.split("\\+")).map(String::strip)
                    .allMatch(a -> a.matches("L\\d+L") || CONSTANT.matcher(a).matches());
            if (!argument.isEmpty() && !constant) {
                problems.add("a Statement runs a non-literal: " + run.group());
            }
        }
        return problems;
    }

    private static int countSql(String source) {
        Matcher m = LITERAL.matcher(source);
        int n = 0;
        while (m.find()) {
            n += SQL.matcher(m.group()).find() ? 1 : 0;
        }
        return n;
    }

    private static boolean allowed(String operand) {
        String o = operand.strip();
        return o.matches("L\\d+L") || CONSTANT.matcher(o).matches() || BUILT_SQL.contains(o)
                || CHOICE.matcher(o.replaceAll("L\\d+L", "L")).matches();
    }

    private static String firstOperand(String s) {
        String t = s.stripLeading();
        if (t.startsWith("(")) {
            return t.substring(0, matchingParen(t) + 1);
        }
        Matcher m = Pattern.compile("^[\\w.]+(\\([^)]*\\))?").matcher(t);
        return m.find() ? m.group() : t.substring(0, Math.min(20, t.length()));
    }

    private static String lastOperand(String s) {
        String t = s.stripTrailing();
        if (t.endsWith(")")) {
            int depth = 0;
            for (int i = t.length() - 1; i >= 0; i--) {
                char c = t.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    Matcher name = Pattern.compile("[\\w.]+$").matcher(t.substring(0, i));
                    return name.find() ? name.group() + t.substring(i) : t.substring(i);
                }
            }
        }
        Matcher m = Pattern.compile("[\\w.]+$").matcher(t);
        return m.find() ? m.group() : t.substring(Math.max(0, t.length() - 20));
    }

    private static int matchingParen(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return t.length() - 1;
    }
}
