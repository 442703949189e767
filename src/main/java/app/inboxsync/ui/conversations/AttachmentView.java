package app.inboxsync.ui.conversations;

import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaKind;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.read.MessageRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Dimension2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A message's attachments from the local media store: photos, GIFs and stickers as thumbnails (decoded and scaled
 * off the FX thread, only for messages drawn, cached), a click opens the full image; other files open with the
 * system's app; what is not kept says why in words. Built when a cell shows a message: the chat loads lazily.
 * A picture takes the same room before and after its thumbnail arrives, so a cell never grows under the reader.
 */
final class AttachmentView extends VBox {

    /** One attachment as drawn: a thumbnail when it is a stored picture that decoded, else words. */
    private record Shown(KeptAttachment attachment, Image thumbnail) { }

    private final ThreadMedia media;
    /** The attachments as Facebook's words and links: shown while (or when) their files are not kept. */
    private final List<Node> links;
    /** The room each picture takes, by attachment index: the same before its thumbnail is decoded as after. */
    private final Map<Integer, Dimension2D> boxes;

    AttachmentView(ThreadMedia media, MessageRow message, List<Node> links) {
        super(4);
        this.media = media;
        this.links = links;
        this.boxes = ThumbnailBoxes.of(message.attachmentsJson());
        getStyleClass().add("bubble-attachments");
        List<Shown> known = shownNow(message.messageId());
        if (known != null) {
            draw(known); // read and decoded before (the chat scrolled back, or the list measured this message)
            return;
        }
        getChildren().setAll(waiting());
        // The list also builds cells it does not show: its measuring cell (dropped at once) and cells set aside
        // hidden for later. Only a view still in the window a pulse later reads its files, once it is visible, so
        // opening a thread decodes the pictures it shows, not those of every message it measured on the way
        Platform.runLater(() -> readWhenShown(message.messageId()));
    }

    private void readWhenShown(String messageId) {
        if (getScene() == null) {
            return; // its cell shows another message now
        }
        Node hidden = hiddenAncestor();
        if (hidden == null) {
            media.background().run("show the attachments", () -> load(messageId), this::draw,
                    problem -> getChildren().setAll(words("The attachments could not be read: " + problem)));
            return;
        }
        hidden.visibleProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable shown) {
                if (hidden.isVisible()) {
                    hidden.visibleProperty().removeListener(this);
                    readWhenShown(messageId);
                }
            }
        });
    }

    /** This view or the nearest of its parents that is hidden, or null when it is drawn. */
    private Node hiddenAncestor() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return n;
            }
        }
        return null;
    }

    /** What is drawn while the files are read: a picture's room as a plain box, the words of the rest. */
    private List<Node> waiting() {
        List<Node> nodes = new ArrayList<>(links);
        boxes.forEach((index, box) -> {
            if (index < nodes.size()) {
                Region room = new Region();
                room.getStyleClass().add("attachment-placeholder");
                room.setMinSize(box.getWidth(), box.getHeight());
                room.setPrefSize(box.getWidth(), box.getHeight());
                room.setMaxSize(box.getWidth(), box.getHeight());
                nodes.set(index, room);
            }
        });
        return nodes;
    }

    /** The attachments from what is kept in memory (all stored, every picture decoded), or null to read them. */
    private List<Shown> shownNow(String messageId) {
        List<KeptAttachment> kept = media.keptNow(messageId);
        if (kept == null) {
            return null;
        }
        List<Shown> out = new ArrayList<>();
        for (KeptAttachment a : kept) {
            Image thumbnail = picture(a) ? media.thumbnails().get(a.sha256()) : null;
            if (picture(a) && thumbnail == null) {
                return null;
            }
            out.add(new Shown(a, thumbnail));
        }
        return out;
    }

    private List<Shown> load(String messageId) throws IOException {
        List<Shown> out = new ArrayList<>();
        for (KeptAttachment a : media.attachmentsOf(messageId)) {
            out.add(new Shown(a, picture(a) && a.status() == MediaStatus.STORED ? thumbnail(a.sha256()) : null));
        }
        return out;
    }

    private Image thumbnail(String sha256) throws IOException {
        Image cached = media.thumbnails().get(sha256);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = media.open(sha256)) {
            if (in == null) {
                return null;
            }
            Image image = new Image(in, ThreadMedia.THUMBNAIL, ThreadMedia.THUMBNAIL, true, true);
            if (image.isError()) {
                return null;
            }
            media.thumbnails().put(sha256, image);
            return image;
        }
    }

    private void draw(List<Shown> shown) {
        List<Node> nodes = new ArrayList<>();
        boolean allKept = !shown.isEmpty();
        for (Shown s : shown) {
            nodes.add(node(s));
            allKept &= s.attachment().status() == MediaStatus.STORED;
        }
        if (!allKept) {
            // Synced without the media store, or a file not kept (yet): Facebook's link is still the way to it.
            nodes.addAll(0, links);
        }
        getChildren().setAll(nodes);
    }

    private Node node(Shown s) {
        KeptAttachment a = s.attachment();
        String what = what(a.kind());
        if (a.status() != MediaStatus.STORED) {
            return words(what + ": " + a.statusWords());
        }
        if (s.thumbnail() != null) {
            ImageView view = new ImageView(s.thumbnail());
            view.getStyleClass().add("attachment-thumbnail");
            view.setCursor(Cursor.HAND);
            view.setOnMouseClicked(e -> openViewer(a));
            Dimension2D box = boxes.get(a.index());
            if (box != null) { // in the room kept for it (Graph's size and the file's agree: drawn at its own size)
                view.setFitWidth(box.getWidth());
                view.setFitHeight(box.getHeight());
                view.setPreserveRatio(true);
                view.setSmooth(true);
            }
            return view;
        }
        if (picture(a)) {
            return words(what + ": the kept file could not be shown");
        }
        Hyperlink open = new Hyperlink("Open " + (a.name() == null ? what.toLowerCase(java.util.Locale.ROOT) : a.name()));
        open.getStyleClass().add("bubble-link");
        open.setOnAction(e -> media.background().run("open the file", () -> {
            media.openWithSystem(a);
            return a;
        }, opened -> { }, problem -> getChildren().add(words("Could not open the file: " + problem))));
        return open;
    }

    private void openViewer(KeptAttachment a) {
        media.background().run("open the picture", () -> {
            try (InputStream in = media.open(a.sha256())) {
                return in == null ? null : new Image(in);
            }
        }, full -> {
            if (full == null) {
                return;
            }
            ImageView view = new ImageView(full);
            view.setPreserveRatio(true);
            Stage viewer = new Stage();
            viewer.setTitle(a.name() == null ? what(a.kind()) : a.name());
            viewer.setScene(new Scene(new ScrollPane(view), Math.min(full.getWidth() + 20, 1200),
                    Math.min(full.getHeight() + 20, 900)));
            viewer.show();
        }, problem -> getChildren().add(words("Could not open the picture: " + problem)));
    }

    private static boolean picture(KeptAttachment a) {
        return a.kind() == MediaKind.IMAGE || a.kind() == MediaKind.GIF || a.kind() == MediaKind.STICKER;
    }

    private static String what(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> "Photo";
            case GIF -> "GIF";
            case STICKER -> "Sticker";
            case VIDEO -> "Video";
            case AUDIO -> "Voice note or audio";
            case FILE -> "File";
        };
    }

    private static Label words(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("bubble-attachment");
        return label;
    }
}
