// twiggy's CSV (`twiggy top -n 1000000 --format csv`, on a wasm with names kept) -> bytes by
// crate, and the largest items.   node bench/lib/size.mjs twiggy-top.csv SHIPPED.wasm > size.json
import { readFileSync, statSync } from 'node:fs';

const [csv, shipped] = process.argv.slice(2);

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map(parseCsvLine)
  .map(([name, bytes]) => ({ name, bytes: Number(bytes) }));

// The first crate a symbol names is the code that put it there: `<argmap::widget::Row as
// yew::…>::run` is the widget's own render code, `<yew::…CompStateInner<COMP> …>::view` is Yew's.
const GROUPS = {
  yew: 'yew (virtual DOM, components, scheduler)', yew_macro: 'yew (virtual DOM, components, scheduler)',
  implicit_clone: 'yew (virtual DOM, components, scheduler)', prokio: 'yew (virtual DOM, components, scheduler)',
  tracing: 'tracing (pulled in by yew)', tracing_core: 'tracing (pulled in by yew)',
  serde_json: 'serde_json + serde (JSON)', serde: 'serde_json + serde (JSON)', serde_core: 'serde_json + serde (JSON)',
  ryu: 'serde_json + serde (JSON)', itoa: 'serde_json + serde (JSON)',
  wasm_bindgen: 'wasm-bindgen, js-sys, web-sys glue', js_sys: 'wasm-bindgen, js-sys, web-sys glue',
  web_sys: 'wasm-bindgen, js-sys, web-sys glue', wasm_bindgen_futures: 'wasm-bindgen, js-sys, web-sys glue',
  gloo: 'gloo (fetch, storage)', gloo_net: 'gloo (fetch, storage)', gloo_storage: 'gloo (fetch, storage)',
  gloo_utils: 'gloo (fetch, storage)', gloo_events: 'gloo (fetch, storage)',
  dlmalloc: 'allocator (dlmalloc)', alloc: 'alloc (Vec, String, BTreeMap…)', core: 'core (fmt, str, slices…)',
  std: 'std (HashMap, panics…)', hashbrown: 'std (HashMap, panics…)',
};
function group(name) {
  if (/"(function|data|local|global|type|table|memory|elem|label|field|tag) names" subsection|^"name"/.test(name)) return null;
  if (/^data segment/.test(name)) return 'data segments (strings, constants, tables)';
  if (/^import /.test(name)) return 'wasm-bindgen, js-sys, web-sys glue';
  if (/^custom section/.test(name)) return 'custom sections';
  const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (!m) {
    if (/shim|^__wbindgen|^__wbg|^__externref/.test(name)) return 'wasm-bindgen, js-sys, web-sys glue';
    if (/^code\[/.test(name)) return 'functions without a name (glue, thunks)';
    return 'wasm tables, types, imports, exports';
  }
  const crate = m[1];
  if (crate === 'argmap') {
    const part = name.slice(m.index).split('::')[1];
    return part === 'model' ? 'argmap model (load, validate, view state)' : 'argmap widget + strings';
  }
  return GROUPS[crate] ?? `other crates (${crate}…)`;
}

const groups = new Map();
let total = 0;
let names = 0;
for (const r of rows) {
  const g = group(r.name);
  if (g === null) { names += r.bytes; continue; }
  total += r.bytes;
  groups.set(g, (groups.get(g) ?? 0) + r.bytes);
}
// Merge the small "other crates" lines into one.
const merged = new Map();
for (const [g, bytes] of groups) {
  const key = g.startsWith('other crates') && bytes < total * 0.01 ? 'other crates (each < 1 %)' : g;
  merged.set(key, (merged.get(key) ?? 0) + bytes);
}
console.log(JSON.stringify({
  total,
  nameSection: names,
  shipped: shipped ? statSync(shipped).size : null,
  groups: [...merged].map(([name, bytes]) => ({ name, bytes, share: bytes / total })).sort((a, b) => b.bytes - a.bytes),
  top: rows.filter((r) => group(r.name) !== null).sort((a, b) => b.bytes - a.bytes).slice(0, 25),
}, null, 1));
