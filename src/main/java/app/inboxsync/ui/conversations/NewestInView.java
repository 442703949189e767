package app.inboxsync.ui.conversations;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollToEvent;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a freshly opened thread's newest message wholly in view while the thread settles. Emoji images and
 * pictures arrive after the first layout and make their cells taller, which pushed the last bubble below the
 * bottom edge (one scroll after the first layout was not always enough). So after every layout pulse, until
 * the reader scrolls, clicks or types in the list, or something asks the list to scroll elsewhere (a find hit,
 * older messages on top), the newest message is brought fully into view again when it is not. Nothing moves
 * once the reader or that other part has taken over.
 */
final class NewestInView {
    private final ListView<?> list;
    private final Runnable afterLayout = this::afterLayout;
    private final Runnable beforeLayout = this::beforeLayout;
    private boolean following;
    /** A thread was just shown: scroll to its newest once more before the next layout, when the list knows its size. */
    private boolean scrollBeforeLayout;
    /** True while {@link #follow()} asks the list to scroll, so its own request is not taken for someone else's. */
    private boolean scrollingHere;

    NewestInView(ListView<?> list) {
        this.list = list;
        list.addEventFilter(ScrollEvent.SCROLL, this::readerTookOver);
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, this::readerTookOver);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::readerTookOver);
        // ListView.scrollTo asks its skin by this event: whoever asks, other than follow(), decides where it stands
        list.addEventFilter(ScrollToEvent.ANY, e -> following &= scrollingHere);
        list.sceneProperty().subscribe((before, now) -> {
            if (before != null) {
                before.removePreLayoutPulseListener(beforeLayout);
                before.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(beforeLayout);
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (list.getScene() != null) {
            list.getScene().addPreLayoutPulseListener(beforeLayout);
            list.getScene().addPostLayoutPulseListener(afterLayout);
        }
    }

    /** The whole thread was just shown: follow its newest message until the reader moves. */
    void follow() {
        following = true;
        scrollBeforeLayout = true;
        scrollToNewest();
    }

    private void scrollToNewest() {
        scrollingHere = true;
        try {
            list.scrollTo(list.getItems().size() - 1);
        } finally {
            scrollingHere = false;
        }
    }

    /**
     * The list hears of new items after this view's owner does, so the scroll asked at once can land before the
     * list counts them: its first layout then drew the oldest messages for a pulse (and read their pictures) until
     * the check after it scrolled down. Asked again here, the first layout is already at the newest.
     */
    private void beforeLayout() {
        if (scrollBeforeLayout) {
            scrollBeforeLayout = false;
            if (following && !list.getItems().isEmpty()) {
                scrollToNewest();
            }
        }
    }

    private void readerTookOver(Event e) {
        following = false;
    }

    private void afterLayout() {
        int last = list.getItems().size() - 1;
        if (!following || last < 0 || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> shown = flow.getLastVisibleCell();
        if (shown == null || shown.getIndex() != last || below(shown, flow)) {
            flow.scrollTo(last); // the cell made fully visible: its bottom at the bottom
        }
    }

    private static boolean below(IndexedCell<?> cell, VirtualFlow<?> flow) {
        Bounds inFlow = flow.sceneToLocal(cell.localToScene(cell.getLayoutBounds()));
        return inFlow.getMaxY() > flow.getHeight() + 0.5;
    }
}
