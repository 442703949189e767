package app.inboxsync.ui.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScreenshotTourTest {
    @Test
    void aTabTitleBecomesAFileName() {
        assertEquals("conversations", ScreenshotTour.slug("Conversations"));
        assertEquals("sync-history", ScreenshotTour.slug("  Sync history…"));
        assertEquals("caf-mlaut-2", ScreenshotTour.slug("Café Ümlaut 2"));
        assertEquals("tab", ScreenshotTour.slug("★"));
    }
}
