package app.inboxsync.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Registered for the whole run ({@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}):
 * every test that was skipped or aborted (an assumption that did not hold, e.g. no keychain tools) is named with
 * its reason in a block of its own at the end of the run, so a skip is seen in the build output, not only
 * counted.
 */
public final class SkipsAreReported implements TestExecutionListener {
    private final List<String> skipped = new ArrayList<>();

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(test.getLegacyReportingName() + " (" + where(test) + "): " + reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(test.getLegacyReportingName() + " (" + where(test) + "): "
                    + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\n[SKIPPED TESTS] ").append(skipped.size()).append(" test(s) did not run:\n");
        skipped.forEach(s -> b.append("[SKIPPED TESTS]   ").append(s).append('\n'));
        System.out.print(b);
        System.out.flush();
        skipped.clear();
    }

    private static String where(TestIdentifier test) {
        return test.getUniqueIdObject().getSegments().stream().filter(s -> s.getType().equals("class"))
                .map(s -> s.getValue().substring(s.getValue().lastIndexOf('.') + 1)).findFirst().orElse("?");
    }
}
