package app.inboxsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The suite-wide watch is wired in and sees every level; each offence is taken here so this test itself passes. */
class SecretWatchTest {
    private static final Logger LOG = LoggerFactory.getLogger("app.inboxsync.some.deep.logger");

    @Test
    void aTokenAtTraceInAMessageOrAStackTraceIsCaught() {
        assertTrue(SecretWatch.installed());
        LOG.info("an innocent line about SIMPAGE tokens in general, SIMPAGE0x… shortened, and a canary bird");
        assertEquals(List.of(), SecretWatch.takeOffending());

        LOG.trace("calling https://graph/me?access_token={}", "SIMPAGE0x" + "abcdefgh0123456789abcdefgh0123456789abcd");
        assertEquals(1, SecretWatch.takeOffending().size(), "a simulator Page token at TRACE");
        LOG.debug("user {}", "SIMUSER" + "0123456789abcdef");
        assertEquals(1, SecretWatch.takeOffending().size(), "a simulator user token at DEBUG");
        LOG.warn("failed", new IllegalStateException("Invalid token CANARY_TOKEN_4f1d2c"));
        assertEquals(1, SecretWatch.takeOffending().size(), "a MockWebServer token in a stack trace");
        SecretWatch.forbid("proof-0f9e8d");
        LOG.error("appsecret_proof=proof-0f9e8d");
        assertEquals(1, SecretWatch.takeOffending().size(), "a secret a test registered");
        assertTrue(SecretWatch.events(Level.TRACE) >= 1 && SecretWatch.events(Level.DEBUG) >= 1, "counted per level");
    }

    @Test
    void eachTestStartsClean() {
        assertEquals(List.of(), SecretWatch.takeOffending());
        assertEquals(0, SecretWatch.events(Level.ERROR), "the last test's events were dropped");
    }
}
