package app.inboxsync.cli;

import app.inboxsync.app.Plural;
import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.sync.SyncListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress for people. Sync threads only update per-Page counters; on a terminal a timer redraws one status
 * line every 100 ms (never one write per event), and each Page's outcome is printed as a line of its own.
 */
final class TerminalProgress implements SyncListener, AutoCloseable {
    private static final char[] SPINNER = {'|', '/', '-', '\\'};
    private final PrintWriter out;
    private final boolean interactive;
    private final Map<String, PageProgress> pages = new ConcurrentHashMap<>();
    private final ScheduledExecutorService redraw;
    private int frame;

    TerminalProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
        this.redraw = interactive ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("progress-redraw")) : null;
        if (redraw != null) {
            redraw.scheduleAtFixedRate(this::drawStatusLine, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void on(SyncEvent event) {
        if (event instanceof SyncEvent.Started s) {
            pages.put(s.pageId(), new PageProgress(s.pageName(), s.expectedConversations()));
            line(String.format("%s: %s sync started", s.pageName(), s.mode().wireName()));
        } else if (event instanceof SyncEvent.Progress p) {
            PageProgress page = pages.get(p.pageId());
            if (page != null) {
                page.update(p);
            }
        } else if (event instanceof SyncEvent.History h) {
            PageProgress page = pages.get(h.pageId());
            if (page != null) {
                page.update(h);
            }
        } else if (event instanceof SyncEvent.Waiting w) {
            line(String.format("%s: %s", name(w.pageId()), w.reason()));
        } else if (event instanceof SyncEvent.Notice n) {
            line(String.format("%s: %s", name(n.pageId()), n.message()));
        } else if (event instanceof SyncEvent.Completed c) {
            PageProgress page = pages.remove(c.pageId());
            line(String.format("✓ %s: Inserted %d • Updated %d • Total touched %d (%d unchanged) · %d messages new · %d calls · %.1f s (%s)",
                    page != null ? page.name : c.pageId(), c.counts().conversationsInserted(),
                    c.counts().conversationsUpdated(), c.counts().conversationsTouched(),
                    c.counts().conversationsUnchanged(), c.counts().messagesInserted(), c.apiCalls(),
                    c.elapsed().toMillis() / 1000.0, c.mode().wireName())
                    + (c.markedMissing() > 0 ? " · " + c.markedMissing() + " gone from Facebook (kept)" : "")
                    + stored(c));
        } else if (event instanceof SyncEvent.Failed f) {
            PageProgress page = pages.remove(f.pageId());
            // skipped because another process has it: news, not a failure (the message names the Page)
            line(f.status() == SyncResult.Status.ALREADY_RUNNING ? "· " + f.message()
                    : String.format("✗ %s: %s", page != null ? page.name : f.pageId(), f.message()));
        }
    }

    /** What the copy holds now, and how long the list took when a history phase followed it. */
    private static String stored(SyncEvent.Completed c) {
        if (c.coverage() == null) {
            return "";
        }
        String text = String.format("%n  stored: %d conversations, %d messages", c.coverage().conversations(),
                c.coverage().messages());
        if (c.listingElapsed().compareTo(c.elapsed()) < 0) {
            text += String.format(" · the whole list after %.1f s", c.listingElapsed().toMillis() / 1000.0);
        }
        if (c.coverage().pendingHistories() > 0) {
            text += " · older messages of " + c.coverage().pendingHistories() + " still to fetch";
        }
        if (c.coverage().withheldHistories() > 0) {
            text += " · " + c.coverage().withheldHistories() + " withheld by Facebook";
        }
        return text;
    }

    private String name(String pageId) {
        PageProgress page = pageId == null ? null : pages.get(pageId);
        return page != null ? page.name : pageId == null ? "Facebook" : pageId;
    }

    private synchronized void line(String text) {
        if (interactive) {
            out.print("\r\033[K");
        }
        out.println(text);
        out.flush();
    }

    private synchronized void drawStatusLine() {
        if (pages.isEmpty()) {
            return;
        }
        long seen = 0;
        long expected = 0;
        long messages = 0;
        long calls = 0;
        long historyPages = 0;
        boolean inHistory = false;
        boolean allKnown = true;
        for (PageProgress p : pages.values()) {
            if (p.historyPagesLeft >= 0) {
                inHistory = true;
                historyPages += p.historyPagesLeft;
            }
            seen += p.seen;
            messages += p.messages;
            calls += p.calls;
            expected += p.expected;
            allKnown &= p.expected > 0;
        }
        String bar = allKnown && expected > 0 ? bar(Math.min(1.0, (double) seen / expected))
                : "[" + SPINNER[frame++ % SPINNER.length] + "]";
        if (inHistory && pages.size() == 1) {
            // one Page in its history phase: the list is stored, the bar now counts its older message pages
            PageProgress p = pages.values().iterator().next();
            long total = p.historyPagesDone + p.historyPagesLeft;
            bar = total > 0 ? bar((double) p.historyPagesDone / total) : bar;
        }
        String older = inHistory ? " · older messages: " + Plural.of(historyPages, "page") + " to go" : "";
        out.printf("\r\033[K%s %s%s · %s · %s · %s syncing", bar, Plural.of(seen, "conversation"), older,
                Plural.of(messages, "new message"), Plural.of(calls, "call"), Plural.of(pages.size(), "Page"));
        out.flush();
    }

    private static String bar(double fraction) {
        int width = 24;
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + Math.round(fraction * 100) + "%";
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
            synchronized (this) {
                out.print("\r\033[K");
                out.flush();
            }
        }
    }

    private static final class PageProgress {
        final String name;
        final long expected;
        volatile long seen;
        volatile long messages;
        volatile long calls;
        /** -1 until the history phase starts. */
        volatile long historyPagesLeft = -1;
        volatile long historyPagesDone;

        PageProgress(String name, long expected) {
            this.name = name;
            this.expected = expected;
        }

        void update(SyncEvent.Progress p) {
            seen = p.conversationsSeen();
            messages = p.counts().messagesInserted();
            calls = p.apiCalls();
        }

        void update(SyncEvent.History h) {
            historyPagesLeft = h.pagesLeft();
            historyPagesDone = h.pagesDone();
            calls = h.apiCalls();
        }
    }
}
