package app.inboxsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphSettingsTest {
    @Test
    void defaultsFollowGraphsDocumentedLimits() {
        GraphSettings s = GraphSettings.defaults("https://graph.facebook.com/");
        assertEquals("https://graph.facebook.com", s.baseUrl());
        assertEquals("v25.0", s.version());
        assertEquals(2.0, s.callsPerSecondPerPage());
        assertEquals(5, s.maxAttempts());
        assertEquals(Duration.ofMillis(500), s.backoffBase());
        assertEquals(Duration.ofMinutes(15), s.maxRateLimitWait());
        assertEquals("https://graph.facebook.com/v25.0", s.versionRoot().toString());
    }

    @Test
    void badValuesSayWhatToFix() {
        GraphSettings ok = GraphSettings.defaults("http://127.0.0.1:8080");
        assertEquals("Graph version must look like v25.0 (got '25')",
                assertThrows(IllegalArgumentException.class, () -> ok.withVersion("25")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphSettings.defaults("graph.facebook.com"))
                .getMessage().contains("is not an http(s) URL"));
        assertThrows(IllegalArgumentException.class, () -> GraphSettings.defaults("https://g.example?access_token=x"));
        assertThrows(IllegalArgumentException.class, () -> ok.withCallsPerSecondPerPage(-1));
        assertThrows(IllegalArgumentException.class, () -> ok.withCallsPerSecondPerPage(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ok.withRetries(0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> ok.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertEquals("v26.0", ok.withVersion("v26.0").version());
    }

    @Test
    void tokensTravelOverHttpsUnlessGraphIsOnThisMachine() {
        for (String local : new String[] {"http://127.0.0.1:8089", "http://localhost:1", "http://[::1]:2", "http://127.3.4.5"}) {
            assertEquals(local, GraphSettings.defaults(local).baseUrl());
        }
        assertEquals("https://graph.facebook.com", GraphSettings.defaults("https://graph.facebook.com/").baseUrl());
        for (String remote : new String[] {"http://graph.facebook.com", "http://10.0.0.5:8080", "http://localhost.example.com",
                "http://127.0.0.1.example.com"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> GraphSettings.defaults(remote)).getMessage();
            assertTrue(message.contains("must use https"), message);
        }
    }
}
