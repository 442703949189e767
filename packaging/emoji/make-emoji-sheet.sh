#!/usr/bin/env bash
# Makes the app's emoji images: Twemoji's 32 px sprite sheet (256-colour) and its index, from the npm package
# emoji-datasource-twitter, into src/main/resources/app/inboxsync/ui/common/emoji/. Run it again to move to a newer
# Emoji version (bump VERSION), then run EmojiTextTest.
#
# Twemoji graphics: Copyright Twitter, Inc. and other contributors (jdecked/twemoji), CC-BY 4.0.
# emoji-datasource (the sheet layout and index data): Copyright Cal Henderson, MIT.
#
# Needs npm and jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=16.0.0
OUT=src/main/resources/app/inboxsync/ui/common/emoji
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "emoji-datasource-twitter@$VERSION" >/dev/null && tar xzf emoji-datasource-twitter-*.tgz)
mkdir -p "$OUT"
cp "$work/package/img/twitter/sheets-256/32.png" "$OUT/twemoji-32.png"
# One line per image: column, row, then the code points in hex without U+FE0F (the lookup drops it as well, so
# "❤️" and a bare "❤" find the same image).
jq -r '.[] | select(.has_img_twitter) | ([.] + ((.skin_variations // {}) | [.[]])) | .[]
       | "\(.sheet_x) \(.sheet_y) \(.unified | ascii_downcase | split("-") | map(select(. != "fe0f")) | join("-"))"' \
   "$work/package/emoji.json" | sort -u -k3,3 >"$OUT/twemoji-32.txt"
dupes=$(cut -d' ' -f3 "$OUT/twemoji-32.txt" | sort | uniq -d | wc -l)
[ "$dupes" -eq 0 ] || { echo "$dupes code point sequences name two images" >&2; exit 1; }
cat >"$OUT/NOTICE.txt" <<NOTICE
twemoji-32.png: Twemoji graphics, Copyright 2019 Twitter, Inc. and other contributors, licensed under CC-BY 4.0
(https://creativecommons.org/licenses/by/4.0/), from https://github.com/jdecked/twemoji, as laid out in a sprite
sheet by emoji-datasource-twitter $VERSION (Copyright Cal Henderson, MIT licence). Made by packaging/emoji/make-emoji-sheet.sh.
NOTICE
echo "$(wc -l <"$OUT/twemoji-32.txt") images in $OUT"
