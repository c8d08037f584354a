#!/bin/sh
# Trunk post_build hook (see Trunk.toml): writes pages that carry a map's static fallback.
#   sh cli/fill-fallbacks.sh PAGE.html…     (run from the repository root, as Trunk does)
# Copies each www/PAGE.html to $TRUNK_STAGING_DIR (dist/ once the build is done), replacing
# every line `<!-- argmap-fallback MAP LANG -->` with `argmap render www/MAP --lang LANG`, and
# every line `<!-- argmap-first-view MAP LANG -->` with `argmap render www/MAP --lang LANG --shadow
# --base .` (the first view, drawn, in a declarative shadow root). A page Trunk itself wrote
# (index.html) is read from the staging folder, else from www/.
# Nothing generated is committed, so the page and the map it shows cannot drift apart.
set -eu
out="${TRUNK_STAGING_DIR:-dist}"

cargo build --quiet -p argmap-cli

fill() {
  while IFS= read -r line || [ -n "$line" ]; do
    spec="${line#*<!-- argmap-fallback }"
    shadow=""
    if [ "$spec" = "$line" ]; then
      spec="${line#*<!-- argmap-first-view }"
      shadow="--shadow --base ."
    fi
    if [ "$spec" = "$line" ]; then
      printf '%s\n' "$line"
      continue
    fi
    spec="${spec%% -->*}"
    map="${spec%% *}"
    lang="${spec#* }"
    if [ -z "$map" ] || [ "$lang" = "$spec" ]; then
      echo "fill-fallbacks: $1: expected <!-- argmap-fallback|argmap-first-view MAP LANG -->, got: $line" >&2
      return 1
    fi
    # shellcheck disable=SC2086 # $shadow is two options or none
    cargo run --quiet -p argmap-cli -- render "www/$map" --lang "$lang" $shadow < /dev/null
  done < "$1"
}

for page in "$@"; do
  source="www/$page"
  [ "$page" = index.html ] && source="$out/$page"
  fill "$source" > "$out/$page.tmp"
  mv "$out/$page.tmp" "$out/$page"
  echo "fill-fallbacks: wrote $out/$page" >&2
done
