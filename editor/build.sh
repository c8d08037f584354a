#!/bin/sh
# Builds the editor's wasm (the text parsers, for edit.html only) into OUT (default dist/editor):
#   sh editor/build.sh [OUT]      (run from the repository root; Trunk's post_build hook does)
# Its own target directory: as a dependency of this crate, the main crate is built without its
# widget, and that build must never overwrite the reader's argmap.wasm that Trunk picks up.
set -eu
out="${1:-${TRUNK_STAGING_DIR:-dist}/editor}"
target_dir=target/editor
nice -n 10 cargo build --quiet --offline --release --target wasm32-unknown-unknown -p argmap-editor --target-dir "$target_dir"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" "$target_dir/wasm32-unknown-unknown/release/argmap_editor.wasm"
# Marks the glue an ES module for Node too, where the Markdown fence (integrations/argmap-fence)
# loads it at build time to read Argdown bodies.
printf '{"type": "module"}\n' > "$out/package.json"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int -o "$out/argmap_editor_bg.wasm" "$out/argmap_editor_bg.wasm"
echo "editor/build.sh: wrote $out" >&2
