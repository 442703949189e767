package app.inboxsync.ui.pages;

import java.util.Comparator;

/** How the sidebar sorts its Pages. Ties fall back to the name, then the id, so the order never flickers. */
public enum PageOrder {
    NAME("Name"),
    /** Never synced first, then the one synced longest ago: what needs a sync comes up. */
    LAST_SYNC("Last sync, oldest first"),
    /** Failed syncs and refused tokens first: what needs a look comes up. */
    FAILED_FIRST("Failed first");

    private static final Comparator<PageItem> BY_NAME = Comparator
            .comparing((PageItem p) -> p.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(PageItem::pageId);

    private final String label;

    PageOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Comparator<PageItem> comparator() {
        return switch (this) {
            case NAME -> BY_NAME;
            case LAST_SYNC -> Comparator.comparing((PageItem p) -> p.summary().lastRunFinishedAt(),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BY_NAME);
            case FAILED_FIRST -> Comparator.comparing((PageItem p) -> !needsALook(p)).thenComparing(BY_NAME);
        };
    }

    static boolean needsALook(PageItem p) {
        return p.status() != null && (p.status().state() == PageStatus.State.FAILED
                || p.status().state() == PageStatus.State.TOKEN_INVALID);
    }
}
