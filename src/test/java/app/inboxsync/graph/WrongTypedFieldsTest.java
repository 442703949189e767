package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.CANARY;
import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.sync.GraphException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Well-formed JSON with a field of another type, over real HTTP: the sentence names the field by its path, what
 * came (scrubbed) and what was expected, and the same answer is not asked for again.
 */
class WrongTypedFieldsTest {
    private static final String THREAD = "\"id\":\"t_1\",\"updated_time\":\"2024-11-10T17:00:00+0000\"";
    @RegisterExtension
    final TestGraph graph = TestGraph.perTest();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'data':[{" + THREAD + "},{" + THREAD + ",'message_count':'many'}]} | the field data[1].message_count (many) is not a number",
        "{'data':[{" + THREAD + ",'snippet':{'a':1}}]}                        | the field data[0].snippet is not a text",
        "{'data':{'x':1}}                                                     | the field data is not a list",
        "{'data':[{" + THREAD + ",'participants':[1]}]}                       | the field data[0].participants is not an object",
        "[1]                                                                  | the field (top level) is not an object",
        "{'data':[{" + THREAD + ",'unread_count':'https://x.example/a?access_token=" + CANARY + "'}]}"
                + " | the field data[0].unread_count (https://x.example/a) is not a number",
    })
    void theSentenceSaysWhichFieldWhatCameAndWhatWasExpected(String body, String says) {
        graph.ok(body.replace('\'', '"'));

        GraphException e = assertThrows(GraphException.class,
                () -> graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null));

        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Facebook's answer for the inbox conversations of Page 111 cannot be "
                + "stored: " + says + ". "), e.getMessage());
        assertFalse(e.getMessage().contains(CANARY));
        assertEquals(1, graph.requests(), "the same answer again would not help");
    }
}
