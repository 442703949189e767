package app.inboxsync;
public final class Main { public static void main(String[] a) {} }
