package app.inboxsync.domain;

import java.util.Objects;

/** A Facebook Page as Graph {@code /me} describes it. */
public record PageProfile(String id, String name, String category) {
    public PageProfile {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("page id is blank");
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
