#!/usr/bin/env bash
# Builds a native installer (or app image) of Inbox Sync with the JDK's jpackage.
#   packaging/jpackage.sh            -> target/installer/ (a .deb on Debian/Ubuntu, needs fakeroot + dpkg-deb)
#   packaging/jpackage.sh app-image  -> target/installer/inbox-sync/ (a self-contained folder, no installer tools)
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-}"
if [ -z "$type" ]; then
  case "$(uname -s)" in
    Linux) type=deb ;;
    Darwin) type=dmg ;;
    *) type=msi ;;
  esac
fi
version=$(sed -n '/<artifactId>inbox-sync<\/artifactId>/{n;s:.*<version>\([0-9][0-9.]*\).*:\1:p;}' pom.xml)
[ -f target/inbox-sync.jar ] || ./mvnw -q -B package -DskipTests
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/inbox-sync.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/
# The jar carries PostgreSQL builds for every platform; an installer needs only its own.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) keep=linux-amd64-[0-9] ;;
  Linux-aarch64) keep=linux-arm64v8-[0-9] ;;
  Darwin-*) keep=darwin ;;
  *) keep=windows ;;
esac
find target/jpackage-input/lib -name 'embedded-postgres-binaries-*.jar' ! -name "embedded-postgres-binaries-${keep}*" -delete
jpackage --type "$type" --name inbox-sync --app-version "${version:-0.1.0}" \
  --vendor "Inbox Sync" --description "Copies Facebook Page Messenger conversations into PostgreSQL" \
  --input target/jpackage-input --main-jar inbox-sync.jar --main-class app.inboxsync.Main \
  --java-options "-Xmx512m" --dest target/installer \
  $( [ "$type" = deb ] && echo "--linux-shortcut --linux-package-name inbox-sync" )
ls -la target/installer
