#!/usr/bin/env bash
# Screenshots of the desktop app's main views for the README, into docs/screenshots/.
#
#   ./mvnw -q package -DskipTests && packaging/screenshots.sh
#
# Runs the real app (target/inbox-sync.jar; this script builds nothing) under a virtual X display (Xvfb) with a
# fresh temporary INBOXSYNC_HOME, in its screenshot tour (INBOXSYNC_SCREENSHOT_TOUR, see ScreenshotTour.java):
# the app presses its own buttons (welcome, "Try demo data", "Sync all", every tab, the dark theme) and, at each
# view, asks for a screenshot by creating <name>.wanted; this script takes it with ImageMagick's `import` and
# saves <name>.png, which lets the tour go on. The window fills the virtual screen, so the screen is the window.
# Then it rewrites the table between the "screenshots" markers in README.md, so new tabs show up there too.
#
# Needs Xvfb and ImageMagick: sudo apt-get install xvfb imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=1280x800
OUT=docs/screenshots
MAX_KB=300

if [ "${1:-}" = "--inside-xvfb" ]; then
  # Second half: runs under xvfb-run, with DISPLAY set to the virtual screen.
  work=$2
  INBOXSYNC_HOME="$work/home" INBOXSYNC_SCREENSHOT_TOUR="$work/shots" java -jar target/inbox-sync.jar >"$work/app.log" 2>&1 &
  app=$!
  deadline=$((SECONDS + 600))
  while kill -0 "$app" 2>/dev/null; do
    for wanted in "$work"/shots/*.wanted; do
      [ -e "$wanted" ] || continue
      name=$(basename "$wanted" .wanted)
      import -window root "$work/shots/$name.tmp.png"
      mv "$wanted" "$work/shots/$name.caption"
      mv "$work/shots/$name.tmp.png" "$work/shots/$name.png"
      echo "  $name"
    done
    if [ "$SECONDS" -gt "$deadline" ]; then
      echo "The tour took longer than 10 minutes; stopping it. Its log: $work/app.log" >&2
      kill "$app"
      exit 1
    fi
    sleep 0.2
  done
  wait "$app" || { echo "The app ended with an error; its log:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  exit 0
fi

[ -f target/inbox-sync.jar ] || { echo "No target/inbox-sync.jar: build it first with ./mvnw -q package -DskipTests" >&2; exit 1; }
for tool in xvfb-run import convert java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: sudo apt-get install xvfb imagemagick (and a JDK 17+)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/inbox-sync-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/shots"
echo "Touring the app under Xvfb ($SIZE); screenshots:"
xvfb-run -a -s "-screen 0 ${SIZE}x24" "$0" --inside-xvfb "$work"
if [ -f "$work/shots/tour-failed.txt" ]; then
  echo "The tour stopped: $(cat "$work/shots/tour-failed.txt")" >&2
  exit 1
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.png
for shot in "$work"/shots/*.png; do
  target="$OUT/$(basename "$shot")"
  convert "$shot" -strip -define png:compression-level=9 "$target"
  if [ $(($(stat -c %s "$target") / 1024)) -gt "$MAX_KB" ]; then
    convert "$shot" -strip -colors 256 -define png:compression-level=9 "$target"
  fi
done
ls -l "$OUT"

# README.md: one table of every screenshot with its caption, between the markers.
{
  echo "| | |"
  echo "|---|---|"
  n=0
  for shot in "$work"/shots/*.png; do
    name=$(basename "$shot" .png)
    caption=$(cat "$work/shots/$name.caption")
    cell="![${caption}]($OUT/$name.png)<br>${caption}"
    if [ $((n % 2)) -eq 0 ]; then row="| $cell |"; else echo "$row $cell |"; fi
    n=$((n + 1))
  done
  if [ $((n % 2)) -eq 1 ]; then echo "$row |"; fi
} >"$work/table.md"
if grep -q '<!-- screenshots:start' README.md && grep -q '<!-- screenshots:end' README.md; then
  awk -v table="$work/table.md" '
    /<!-- screenshots:start/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    /<!-- screenshots:end/ { skipping = 0 }
    !skipping { print }' README.md >"$work/README.md"
  cat "$work/README.md" >README.md
  echo "README.md: screenshot table updated."
else
  echo "README.md has no <!-- screenshots:start --> / <!-- screenshots:end --> markers; the table is not written." >&2
fi
