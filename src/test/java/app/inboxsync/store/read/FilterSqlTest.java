package app.inboxsync.store.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationSort;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser's WHERE clause is built from the builder's own fragments only: whatever a user types or picks, the
 * SQL text is the same and every value travels as a parameter (SqlIsParameterizedTest trusts this builder).
 */
class FilterSqlTest {
    private static final String HOSTILE = "x'; DROP TABLE messenger_messages; --";

    @Test
    void theTextDependsOnWhichFiltersAreSetNeverOnTheirValues() {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-02-01T00:00:00Z");
        ConversationFilter tame = new ConversationFilter("111", "blue dress", "vip", true, t1, t2);
        ConversationFilter hostile = new ConversationFilter(HOSTILE + "p", HOSTILE + "s", HOSTILE + "t", true, t1.plusSeconds(1), t2.plusSeconds(1));

        FilterSql a = FilterSql.of(tame);
        FilterSql b = FilterSql.of(hostile);

        assertEquals(a.where(), b.where(), "the same SQL text for any values");
        assertFalse(b.where().contains("DROP"), b.where());
        assertEquals(List.of(HOSTILE + "p", HOSTILE + "s", HOSTILE + "t",
                Timestamp.from(t1.plusSeconds(1)), Timestamp.from(t2.plusSeconds(1))), b.params());
        assertEquals(b.params().size(), b.where().chars().filter(c -> c == '?').count(), "one placeholder per value");
        assertEquals(FilterSql.of(tame, FilterSql.Search.PER_ROW).params(), FilterSql.of(tame).params(),
                "both ways of writing a search take the same values");
    }

    @Test
    void noFilterMeansNoWhere() {
        FilterSql none = FilterSql.of(ConversationFilter.ALL);
        assertEquals("", none.where());
        assertTrue(none.params().isEmpty());
    }

    @Test
    void aSortIsChosenFromTheBuildersOwnColumns() {
        for (ConversationSort.Column column : ConversationSort.Column.values()) {
            String orderBy = SortSql.orderBy(new ConversationSort(column, true));
            assertTrue(orderBy.matches(" ORDER BY [a-z_.()' ,0-9]+ DESC( NULLS LAST)?, c\\.conversation_id DESC"), orderBy);
        }
    }
}
