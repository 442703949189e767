package app.inboxsync.ui;

import java.util.ConcurrentModificationException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link WaitForAsyncUtils#waitFor(long, TimeUnit, Callable)} for conditions that look nodes up from the test
 * thread. Such a lookup walks a Parent's children while the FX thread may be adding or removing some (toasts
 * come and go all through a sync), and then throws IndexOutOfBounds or ConcurrentModification: that is "not
 * yet", so the condition is asked again instead of failing the test. Any other exception still fails it.
 */
public final class FxWait {
    private FxWait() {
    }

    public static void waitFor(long timeout, TimeUnit unit, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout, unit, () -> {
            try {
                return condition.call();
            } catch (IndexOutOfBoundsException | ConcurrentModificationException raceWithTheFxThread) {
                return false;
            }
        });
    }
}
