package app.inboxsync.ui.common;

import java.util.Objects;

/** A short message that shows for a few seconds in the corner of the window. */
public record Toast(Kind kind, String title, String text) {
    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    public Toast {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
    }
}
