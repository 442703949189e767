package app.inboxsync.ui.session;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.app.DemoWorld;

/**
 * What the window works on: the real Pages' database, or the demo world (simulator + its own database).
 *
 * @param demo null unless this is the demo
 */
public record DesktopSession(AppConfig config, AppContext app, DemoWorld demo) implements AutoCloseable {

    public static DesktopSession real(AppConfig config, AppContext app) {
        return new DesktopSession(config, app, null);
    }

    public static DesktopSession demo(AppConfig realConfig, DemoWorld demo) {
        return new DesktopSession(realConfig, demo.app(), demo);
    }

    public boolean isDemo() {
        return demo != null;
    }

    @Override
    public void close() {
        if (demo != null) {
            demo.close();
        } else {
            app.close();
        }
    }
}
