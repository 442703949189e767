package app.inboxsync.simulator;

/**
 * One Graph call as the simulator saw it (a sub-request of a batch is a call of its own).
 *
 * @param path the path without the version prefix, e.g. {@code /123/conversations}
 * @param pageId the Page whose token made the call, else the Page the path names, else null
 * @param sequence 1 for the first call the simulator answered, then counting up
 */
public record RequestInfo(String method, String path, String pageId, long sequence) {
}
