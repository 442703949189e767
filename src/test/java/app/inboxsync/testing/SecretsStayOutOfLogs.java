package app.inboxsync.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class by autodetection ({@code junit-platform.properties} and
 * {@code META-INF/services}): a test (or a class's {@code @BeforeAll}/{@code @AfterAll}) fails when a log event
 * written meanwhile, at any level, holds a simulator or MockWebServer token. What a background thread logs after
 * its test ended is blamed on the next one, which at worst names the wrong test; it is never lost.
 */
public final class SecretsStayOutOfLogs implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!SecretWatch.installed()) {
            // logback-test.xml lost its appender: the suite must not believe it is watching
            throw new IllegalStateException("the SecretWatch log appender is not installed (see src/test/resources/logback-test.xml)");
        }
        check("before the class " + context.getDisplayName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check("in the class's set-up");
        SecretWatch.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check("while the test ran");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check("in the class's tear-down");
        SecretWatch.reset();
    }

    private static void check(String when) {
        List<String> offending = SecretWatch.takeOffending();
        if (!offending.isEmpty()) {
            throw new AssertionError("a secret was logged " + when + ":\n  " + String.join("\n  ", offending));
        }
    }
}
