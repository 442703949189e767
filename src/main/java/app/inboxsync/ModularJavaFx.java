package app.inboxsync;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * JavaFX supports one configuration only: its {@code javafx.*} modules loaded as named modules, from the module
 * path (OpenJFX's JDK-8256362; on the class path it warns "Unsupported JavaFX configuration" at every start).
 * {@code java -jar} has no way to put jars on the module path, so the desktop app started that way runs itself
 * once more in a JVM that has JavaFX's modular jars from {@code lib/} on its module path, and ends as it ends.
 * The CLI never does: it never loads JavaFX. Where JavaFX is already a named module ({@code ./mvnw javafx:run}),
 * the jars are not found (tests, an IDE) or there is no {@code bin/java} (the jpackage image), the app starts
 * here as before.
 */
final class ModularJavaFx {
    static final String RELAUNCHED = "inboxsync.javafx.modulepath";

    private ModularJavaFx() {
    }

    /** The exit code of the desktop app run with JavaFX on the module path, or empty to start it in this JVM. */
    static OptionalInt runOnTheModulePath(String[] args) {
        if (ModuleLayer.boot().findModule("javafx.graphics").isPresent() || Boolean.getBoolean(RELAUNCHED)) {
            return OptionalInt.empty();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // this JVM's java, not the command that started it (a jpackage launcher takes no JVM options; its
            // runtime has no bin/java, so the packaged app starts here)
            Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
            List<Path> modules = Files.isRegularFile(jar) ? javafxModules(jar) : List.of();
            if (modules.isEmpty() || !Files.isExecutable(javaCommand)) {
                return OptionalInt.empty();
            }
            List<String> command = new ArrayList<>();
            command.add(javaCommand.toString());
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()); // -Xmx…
            command.add("-D" + RELAUNCHED + "=true");
            splashPicture().ifPresent(picture -> {
                command.add("-splash:" + picture);
                command.add("-D" + app.inboxsync.ui.StartSplash.PROPERTY + "=true"); // the launcher keeps -splash: to itself
            });
            command.add("--module-path");
            command.add(String.join(java.io.File.pathSeparator, modules.stream().map(Path::toString).toList()));
            command.add("--add-modules");
            command.add("javafx.controls,javafx.fxml");
            command.add("-cp");
            command.add(jar.toString());
            command.add(Main.class.getName());
            command.addAll(List.of(args));
            Process app = new ProcessBuilder(command).inheritIO().start();
            // a SIGTERM to this JVM reaches the app too, which then closes its database as on Quit
            Thread stop = new Thread(() -> {
                app.destroy();
                try {
                    app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-desktop-app");
            Runtime.getRuntime().addShutdownHook(stop);
            int exit = app.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // a SIGTERM ended the app: the hook is running, and this JVM ends with it
            }
            return OptionalInt.of(exit);
        } catch (IOException | URISyntaxException | SecurityException | LinkageError e) {
            return OptionalInt.empty(); // start it here, warning and all, rather than not at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * The start picture for the relaunched JVM, which draws it before any Java code runs ({@code -splash:} takes a
     * file, not a resource in the jar): written once to the temporary folder. None on macOS (the splash and
     * JavaFX both want the main thread) or where it cannot be written.
     */
    private static java.util.Optional<Path> splashPicture() {
        if (!app.inboxsync.ui.StartSplash.supported()) {
            return java.util.Optional.empty();
        }
        try (var picture = ModularJavaFx.class.getResourceAsStream("/app/inboxsync/ui/splash.png")) {
            if (picture == null) {
                return java.util.Optional.empty();
            }
            byte[] bytes = picture.readAllBytes();
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "inbox-sync-splash-" + bytes.length + ".png");
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Path part = Files.createTempFile(file.getParent(), "inbox-sync-splash", ".part");
                Files.write(part, bytes);
                Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return java.util.Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // a start without the picture, not no start
        }
    }

    /** JavaFX's modular jars beside the jar ({@code lib/}), not the empty per-platform stubs Maven also copies. */
    private static List<Path> javafxModules(Path jar) throws IOException {
        Path lib = jar.toAbsolutePath().getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        List<Path> modular = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("javafx-")).sorted().toList()) {
                for (ModuleReference m : ModuleFinder.of(f).findAll()) {
                    if (!m.descriptor().isAutomatic() && m.descriptor().name().startsWith("javafx.")) {
                        modular.add(f);
                    }
                }
            }
        }
        return modular.stream().anyMatch(f -> f.getFileName().toString().startsWith("javafx-graphics-")) ? modular : List.of();
    }
}
