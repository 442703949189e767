package app.inboxsync.export;

/** File formats for {@code export}. */
public enum ExportFormat { CSV, JSON }
