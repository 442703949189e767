package app.inboxsync.bench;

import app.inboxsync.app.AppContext;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.media.FolderMediaFiles;
import app.inboxsync.media.MediaItem;
import app.inboxsync.media.Sha256;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.server.Database;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.store.write.PostgresMediaQueue;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncService;
import app.inboxsync.ui.common.EmojiRuns;
import app.inboxsync.ui.common.FxBackground;
import app.inboxsync.ui.common.FxThread;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.conversations.ThreadMedia;
import app.inboxsync.ui.conversations.ThreadPane;
import app.inboxsync.ui.conversations.ThreadViewModel;
import atlantafx.base.theme.PrimerLight;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The thread view opening a conversation with 200 photos (one per message, the newest 200, 2048 × 1536 JPEGs as
 * Messenger sends them), all in the local media store, then scrolled from the newest to the oldest: the longest
 * gap between FX pulses must stay under 100 ms while the thumbnails are decoded and scaled off the FX thread.
 * Needs a display, as the ui scenario does.
 */
final class ThreadPhotosBench {
    static final int PHOTOS = 200;
    private static final int WIDTH = 2048;
    private static final int HEIGHT = 1536;
    /** Messages scrolled per step and the pause between steps: a reader flicking up through the pictures. */
    private static final int STEP = 3;
    private static final Duration STEP_PAUSE = Duration.ofMillis(50);

    private final DatabaseSettings databaseSettings;
    private final Path home;
    private final PrintWriter out;

    ThreadPhotosBench(DatabaseSettings databaseSettings, Path home, PrintWriter out) {
        this.databaseSettings = databaseSettings;
        this.home = home;
        this.out = out;
    }

    BenchResult run() throws IOException, SQLException {
        Path folder = home.resolve("photos-bench");
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(606).withPages(1).withConversations(3)
                .withHugeShare(1.0).withLatency(Duration.ZERO).withRate(0))) {
            SimPage page = sim.pages().get(0);
            GraphSettings graph = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0);
            try (AppContext app = AppContext.on(Database.connect(databaseSettings), graph, new FileTokenVault(home))) {
                app.pages().savePage(new PageProfile(page.id(), page.name(), page.category()));
                new SyncService(app.graph(), new PostgresInboxStore(app.database())).sync(new SyncRequest(
                        new PageAccess(page.id(), Secret.of(page.token())), null, false), SyncListener.NONE, new CancelSignal());
                String longest = sim.conversations(page.id()).stream()
                        .max(Comparator.comparingInt(SimConversation::messageCount)).orElseThrow().id();
                long filled = System.nanoTime();
                photosInto(app.database(), page.id(), longest, new FolderMediaFiles(folder));
                out.printf("%-26s %d photos of %d × %d made and kept in %.1f s%n", "thread photos:", PHOTOS, WIDTH, HEIGHT,
                        (System.nanoTime() - filled) / 1e9);
                List<ConversationRow> rows = app.browse().window(ConversationFilter.page(page.id()),
                        ConversationSort.NEWEST_FIRST, 0, 10);
                ConversationRow photos = rows.stream().filter(r -> r.conversationId().equals(longest)).findFirst().orElseThrow();
                ConversationRow other = rows.stream().filter(r -> !r.conversationId().equals(longest)).findFirst().orElseThrow();
                sim.close(); // the pictures come from the store only
                return measure(app, other, photos, folder);
            }
        }
    }

    /** Makes the newest {@link #PHOTOS} messages of the conversation carry one photo each, stored in the folder. */
    private static void photosInto(Database db, String pageId, String conversationId, FolderMediaFiles files)
            throws IOException, SQLException {
        List<String> messages = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message_id FROM messenger_messages WHERE conversation_id = ?"
                     + " ORDER BY created_time DESC LIMIT ?")) {
            s.setString(1, conversationId);
            s.setInt(2, PHOTOS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    messages.add(rs.getString(1));
                }
            }
        }
        if (messages.size() < PHOTOS) {
            throw new IllegalStateException("The bench conversation has only " + messages.size() + " messages.");
        }
        Map<String, String[]> kept = new HashMap<>(); // message → sha256, size
        Random random = new Random(606);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE messenger_messages SET attachments = CAST(? AS jsonb)"
                     + " WHERE message_id = ?")) {
            for (int i = 0; i < PHOTOS; i++) {
                Path temp = files.temporaryFolder().resolve("bench-" + i + ".part");
                ImageIO.write(photo(random), "jpg", temp.toFile());
                String sha = Sha256.of(temp);
                long size = Files.size(temp);
                files.keep(temp, sha, size);
                kept.put(messages.get(i), new String[] {sha, Long.toString(size)});
                s.setString(1, "{\"attachments\":{\"data\":[{\"id\":\"bench-photo-" + i + "\",\"mime_type\":\"image/jpeg\","
                        + "\"name\":\"photo-" + i + ".jpg\",\"size\":" + size + ",\"image_data\":{\"url\":"
                        + "\"https://bench.invalid/photo-" + i + ".jpg\",\"width\":" + WIDTH + ",\"height\":" + HEIGHT + "}}]}}");
                s.setString(2, messages.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        PostgresMediaQueue queue = new PostgresMediaQueue(db);
        queue.enqueue(pageId);
        for (MediaItem item : queue.due(pageId, Instant.now().plusSeconds(1), 100_000)) {
            String[] file = kept.get(item.messageId());
            if (file != null) {
                queue.stored(item, file[0], Long.parseLong(file[1]));
            }
        }
    }

    /** A photo-sized picture: a gradient sky and a few dozen shapes, so each is distinct and decodes as a photo does. */
    private static BufferedImage photo(Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), WIDTH, HEIGHT, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), 40 + random.nextInt(500), 40 + random.nextInt(400));
        }
        g.dispose();
        return image;
    }

    /** What one phase (the opening, or the scroll) showed: pulse gaps, the UI threads' CPU, the longest busy stretch. */
    private record Phase(PulseGaps.Stats gaps, double fxCpuMs, double renderCpuMs, String busiest) {
        String cpu() {
            return String.format("FX thread %.0f ms CPU, render thread %.0f ms CPU; %s", fxCpuMs, renderCpuMs, busiest);
        }
    }

    /** What one opening and scroll through the thread showed. */
    private record Pass(Phase opening, Phase scroll, double firstPhotoMs, int photosDrawn, double seconds) {
        double longestMs() {
            return Math.max(opening.gaps().longestMs(), scroll.gaps().longestMs());
        }

        double p99Ms() {
            return Math.max(opening.gaps().p99Ms(), scroll.gaps().p99Ms());
        }
    }

    /**
     * Opens the thread with its attachments as links (no media store) and scrolls through it, then the same with
     * the photos: what laying out 200 messages costs, and what the photos add to it.
     *
     * @param warmUp a conversation without photos read first, as the window has drawn text before a user opens a
     *               thread: the first text a fresh JavaFX lays out loads its fonts (seconds on a loaded machine)
     */
    private BenchResult measure(AppContext app, ConversationRow warmUp, ConversationRow conversation, Path folder) {
        UiBench.startToolkit();
        EmojiRuns.prepare(); // off the FX thread, as the desktop's Conversations tab has it done when it is made
        FxBackground tasks = new FxBackground();
        ThreadMedia media = threadMedia(folder, app.database()); // as the desktop makes it
        Stage stage = FxThread.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage s = new Stage();
            s.setTitle("Inbox Sync — bench, thread with photos");
            s.setScene(new Scene(new javafx.scene.layout.StackPane(), 720, 900));
            s.getScene().getStylesheets().add(Fxml.stylesheet());
            s.show();
            return s;
        });
        try {
            Thread fx = FxThread.call(Thread::currentThread);
            ThreadViewModel first = new ThreadViewModel(app.browse(), tasks);
            ListView<MessageRow> firstList = showPane(stage, first, null);
            long warming = System.nanoTime();
            PulseGaps.Stats cold = UiBench.pulsesWhile(() -> {
                FxThread.run(() -> first.show(warmUp));
                FxThread.waitUntil(() -> !firstList.getItems().isEmpty(), Duration.ofSeconds(60), "the first conversation");
                FxThread.pause(Duration.ofSeconds(2));
            });
            out.printf("%-26s %s (%.1f s)%n", "  first thread, no photos:", UiBench.describe(cold),
                    (System.nanoTime() - warming) / 1e9);
            PulseGaps.Stats idle = UiBench.pulsesWhile(() -> FxThread.pause(Duration.ofSeconds(3)));
            // as links first: the photo pass then lays out text the window has drawn before, so what differs is the photos
            Pass links = openAndScroll(stage, new ThreadViewModel(app.browse(), tasks), null, conversation, fx);
            Pass photos = openAndScroll(stage, new ThreadViewModel(app.browse(), tasks), media, conversation, fx);
            out.printf("%-26s first photo after %.0f ms; %d of %d photos drawn while scrolling, %.1f s in all%n",
                    "thread, " + PHOTOS + " photos:", photos.firstPhotoMs(), photos.photosDrawn(), PHOTOS, photos.seconds());
            print("  opening:", photos.opening());
            print("  scrolling:", photos.scroll());
            print("  same, links, opening:", links.opening());
            print("  same, links, scrolling:", links.scroll());
            out.printf("%-26s %s%n", "  idle window:", UiBench.describe(idle));
            out.flush();
            return new BenchResult("thread, " + PHOTOS + " photos", 0, 0, photos.seconds(), 0, 1, PHOTOS, 0,
                    String.format("longest pulse gap %.0f ms < %.0f ms (p99 %.0f ms; %d photos drawn; as links: %.0f ms)",
                            photos.longestMs(), UiBench.GOAL_MS, photos.p99Ms(), photos.photosDrawn(),
                            links.longestMs()), photos.longestMs() < UiBench.GOAL_MS);
        } finally {
            FxThread.run(stage::close);
            tasks.close();
            javafx.application.Platform.exit();
        }
    }

    private void print(String what, Phase phase) {
        out.printf("%-26s %s%n", what, UiBench.describe(phase.gaps()));
        out.printf("%-26s %s%n", "", phase.cpu());
    }

    private static ThreadMedia threadMedia(Path folder, Database db) {
        try {
            return ThreadMedia.under(folder, new PostgresMediaQueue(db));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a fresh thread pane in the window; returns its message list. */
    @SuppressWarnings("unchecked")
    private static ListView<MessageRow> showPane(Stage stage, ThreadViewModel thread, ThreadMedia media) {
        return FxThread.call(() -> {
            ThreadPane pane = new ThreadPane(thread, url -> { }, ZoneId.systemDefault(), media);
            stage.getScene().setRoot(pane);
            pane.applyCss();
            return (ListView<MessageRow>) pane.lookup("#threadMessages");
        });
    }

    /**
     * Opens the thread and waits until it has settled (its messages listed, the photos in view drawn, a second
     * more), then scrolls it to the oldest: the two measured apart, as a stall at the opening and a slow scroll
     * have different causes.
     */
    private static Pass openAndScroll(Stage stage, ThreadViewModel thread, ThreadMedia media, ConversationRow conversation,
            Thread fx) {
        ListView<MessageRow> list = showPane(stage, thread, media);
        FxThread.pause(Duration.ofSeconds(1));
        Set<Image> drawn = Collections.newSetFromMap(new IdentityHashMap<>());
        long[] firstPhotoNanos = {0};
        long start = System.nanoTime();
        Phase opening = phase(fx, () -> {
            FxThread.run(() -> thread.show(conversation));
            FxThread.waitUntil(() -> list.getItems().size() >= PHOTOS, Duration.ofSeconds(60), "the messages");
            if (media != null) {
                FxThread.waitUntil(() -> seen(list, drawn) > 0, Duration.ofSeconds(60), "the first photo");
                firstPhotoNanos[0] = System.nanoTime() - start;
            }
            FxThread.pause(Duration.ofMillis(1500));
        });
        Phase scroll = phase(fx, () -> {
            for (int i = list.getItems().size() - 1; i >= 0; i -= STEP) {
                int at = i;
                FxThread.run(() -> list.scrollTo(at));
                FxThread.pause(STEP_PAUSE);
                FxThread.run(() -> seen(list, drawn));
            }
            FxThread.pause(Duration.ofSeconds(1));
            FxThread.run(() -> seen(list, drawn));
        });
        return new Pass(opening, scroll, firstPhotoNanos[0] / 1e6, FxThread.call(drawn::size),
                (System.nanoTime() - start) / 1e9);
    }

    private static Phase phase(Thread fx, Runnable meanwhile) {
        UiThreadsCpu cpu = new UiThreadsCpu(fx);
        try (FxBusyProbe probe = new FxBusyProbe(fx)) {
            PulseGaps.Stats gaps = UiBench.pulsesWhile(meanwhile);
            return new Phase(gaps, cpu.fxMs(), cpu.renderMs(), String.format(
                    "longest FX busy stretch %.0f ms (sampled every 5 ms), in: %s", probe.longestMs(), probe.longestWhere()));
        }
    }

    /** Adds the pictures shown now to {@code drawn}; returns how many were seen so far. On the FX thread. */
    private static int seen(ListView<MessageRow> list, Set<Image> drawn) {
        for (Node n : list.lookupAll(".attachment-thumbnail")) {
            if (n instanceof ImageView v && v.getImage() != null && v.isVisible()) {
                drawn.add(v.getImage());
            }
        }
        return drawn.size();
    }
}
