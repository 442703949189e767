#!/usr/bin/env bash
# Builds Inbox Sync's app image (and, on Linux, a .deb) with the JDK's jpackage. Run by `./mvnw -Ppackage package`
# after the jar and target/lib exist; -Djpackage.types=app-image builds the app image only (what CI does).
#   target/installer/inbox-sync/               the app image: bin/inbox-sync + its own Java runtime (lib/runtime)
#   target/installer/inbox-sync_*_amd64.deb    installs that image as /opt/inbox-sync (needs fakeroot + dpkg-deb)
# One launcher for both: no arguments opens the desktop app, a command runs the CLI (app.inboxsync.Main).
set -euo pipefail
cd "$(dirname "$0")/.."

types="${*:-}"
if [ -z "$types" ]; then
  case "$(uname -s)" in
    Linux) types="app-image deb" ;;
    Darwin) types="app-image dmg" ;;
    *) types="app-image msi" ;;
  esac
fi
# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version="${INBOXSYNC_VERSION:-0.1.0}"
version="${version%%-*}"
jdk="${JAVA_HOME:+$JAVA_HOME/bin/}"
[ -f target/inbox-sync.jar ] && [ -d target/lib ] || { echo "target/inbox-sync.jar missing: run ./mvnw -Ppackage package" >&2; exit 2; }

input=target/jpackage-input
out=target/installer
rm -rf "$input" "$out"
mkdir -p "$input"
cp target/inbox-sync.jar "$input/"
cp -r target/lib "$input/"
cp src/main/resources/app/inboxsync/ui/splash.png "$input/" # drawn by the launcher before JavaFX starts
# The jar carries PostgreSQL builds for every platform; a package needs only its own.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) keep=linux-amd64-[0-9] ;;
  Linux-aarch64) keep=linux-arm64v8-[0-9] ;;
  Darwin-*) keep=darwin ;;
  *) keep=windows ;;
esac
find "$input/lib" -name 'embedded-postgres-binaries-*.jar' ! -name "embedded-postgres-binaries-${keep}*" -delete

# The runtime: the JDK modules the classes use (jdeps; JavaFX and every library stay on the class path in lib/),
# plus the ones only reached through services or reflection, which jdeps cannot see: elliptic-curve TLS (Graph API
# over HTTPS), extra charsets for terminals, locale data for dates and numbers in the user's language, and the
# UnixSystem class the embedded PostgreSQL uses to notice it runs as root (it then starts initdb under `unshare -U`).
modules=$("${jdk}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q \
  --class-path "$input/lib/*" "$input/inbox-sync.jar" "$input"/lib/*.jar 2>/dev/null | tail -1)
modules="$modules,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.security.auth"
echo "Runtime modules: $modules"

# The start picture (ui.StartSplash closes it at JavaFX's first frame); not on macOS, where it and JavaFX both
# want the main thread. $APPDIR is jpackage's, expanded by the launcher.
splash=(--java-options '-splash:$APPDIR/splash.png' --java-options '-Dinboxsync.splash=true')
[ "$(uname -s)" = Darwin ] && splash=()
common=(--name inbox-sync --app-version "$version" --vendor "Inbox Sync"
  --description "Copies Facebook Page Messenger conversations into PostgreSQL")
image="$out/inbox-sync"
for type in $types; do
  case "$type" in
    app-image)
      "${jdk}jpackage" --type app-image "${common[@]}" --dest "$out" \
        --input "$input" --main-jar inbox-sync.jar --main-class app.inboxsync.Main \
        --add-modules "$modules" --java-options "-Xmx512m" "${splash[@]}" --icon packaging/icon/inbox-sync-512.png ;;
    deb)
      for tool in fakeroot dpkg-deb; do
        command -v "$tool" >/dev/null || { echo "A .deb needs $tool: sudo apt-get install fakeroot dpkg (or -Djpackage.types=app-image)" >&2; exit 2; }
      done
      # Packs the app image built above (no second jlink); the desktop entry comes from packaging/linux/. GTK is
      # JavaFX's window toolkit: its native code comes inside a jar, so jpackage cannot find that dependency itself.
      "${jdk}jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$image" \
        --resource-dir packaging/linux --icon packaging/icon/inbox-sync-512.png \
        --linux-package-name inbox-sync --linux-app-category net \
        --linux-shortcut --linux-menu-group "Network;Chat;" \
        --linux-package-deps libgtk-3-0 ;;
    *)
      "${jdk}jpackage" --type "$type" "${common[@]}" --dest "$out" --app-image "$image" ;;
  esac
done
du -sh "$out"/*
