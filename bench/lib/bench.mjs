// The browser half of the benchmark: argmap and Markmap on the same synthetic maps, in one
// headless Chromium, N runs each (a fresh browser context per run), then the table, the JSON and
// the README's results section. Called by bench/run (which builds everything first).
//
//   node bench/lib/bench.mjs [--runs 5] [--sizes 100,1000,5000,20000] [--no-readme]

import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { cpus, totalmem, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { generate, SIZES } from './generate.mjs';
import { serve } from './server.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(BENCH, '.work');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 5));
const SIZES_RUN = opt('sizes', SIZES.join(',')).split(',').map(Number);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const STEP_TIMEOUT = 240_000;
const FRAME = 1000 / 60;
// argmap on its standalone page (dist/index.html, which keeps the view in the URL: `history`)
// and embedded as README.md shows (no `history`), each in both of its views: the map (`argmap`,
// `argmap-embed`: what Markmap's map is compared with) and the outline; and Markmap.
const TOOLS = ['argmap', 'argmap-embed', 'argmap-outline', 'argmap-embed-outline', 'markmap'];
const ARGMAPS = TOOLS.filter((t) => t !== 'markmap');
const LABEL = {
  argmap: 'map, page',
  'argmap-embed': 'map, embedded',
  'argmap-outline': 'outline, page',
  'argmap-embed-outline': 'outline, embedded',
  markmap: 'Markmap',
};

// ---------------------------------------------------------------- helpers

const stat = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
};
const gz = (buf) => gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;
// Brotli at its highest quality, as hosts precompress static files (Node's own zlib has it).
const br = (buf) => brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const log = (...a) => console.error('bench:', ...a);

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return {
    jsHeapUsed: heap.usedSize,
    wasmMemory: await page.evaluate(() => window.__bench.wasmBytes()),
    domNodes: metric('Nodes'),
  };
}

const settle = (page, ms = 400) => page.waitForTimeout(ms);

/** Main-thread time by kind (Chromium's cumulative Performance metrics) spent while `step` runs. */
async function breakdown(cdp, step) {
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  const value = await step();
  const after = await read();
  const d = (k) => round((after[k] - before[k]) * 1000, 2);
  const script = d('ScriptDuration');
  const style = d('RecalcStyleDuration');
  const layout = d('LayoutDuration');
  return { value, cpu: { script, style, layout, other: round(d('TaskDuration') - script - style - layout, 2) } };
}

// ---------------------------------------------------------------- one run of one tool on one map

async function run(browser, base, tool, size, info, first) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript({ path: join(BENCH, 'lib/page.js') });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`); });
  const assets = [];
  if (first) {
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        assets.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gz(body), brotli: br(body) });
      } catch { /* redirects have no body */ }
    });
  }
  const query = `map=/maps/argmap-${size}.json&expect=${info.initialVisible}`;
  const url = {
    argmap: `${base}/argmap/index.html?${query}&view=map`,
    'argmap-embed': `${base}/bench/argmap-embed.html?${query}&view=map`,
    'argmap-outline': `${base}/argmap/index.html?${query}&view=outline`,
    'argmap-embed-outline': `${base}/bench/argmap-embed.html?${query}&view=outline`,
    markmap: `${base}/bench/markmap.html?map=/maps/markmap-${size}.json&expect=${info.initialVisible}`,
  }[tool];
  const result = { tool, size };
  await page.goto(url, { waitUntil: 'load' });
  result.firstPaint = await page.evaluate(() => window.__bench.firstPaint);
  // The loading waterfall, for the diagnosis: when the code and the map arrived.
  result.waterfall = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const last = (test) => entries.filter((e) => test(new URL(e.name).pathname)).reduce((m, e) => Math.max(m, e.responseEnd), 0) || null;
    const map = entries.find((e) => new URL(e.name).pathname.startsWith('/maps/'));
    return {
      codeLoaded: last((p) => !p.startsWith('/maps/')),
      mapRequested: map?.startTime ?? null,
      mapLoaded: map?.responseEnd ?? null,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    };
  });
  await settle(page);
  result.memoryAfterLoad = await memory(page, cdp);
  const api = tool === 'markmap' ? 'markmap' : 'argmap';

  // One node: the first position that has children.
  const expected = info.initialVisible + info.expandChildren.length;
  // What the measurement itself costs: an empty action, "painted" at once.
  result.baseline = await page.evaluate(() => window.__bench.measure(() => {}, () => true));
  ({ value: result.expandOne, cpu: result.expandOneCpu } = await breakdown(cdp, () => page.evaluate(
    ([api, id, children, expected]) => window.__bench[api].expand(id, children, expected),
    [api, info.expandTarget, info.expandChildren, expected],
  )));
  result.expandOneScript = await page.evaluate(() => window.__bench.lastScript);
  await settle(page);

  // Everything.
  let allShown = false;
  if (api === 'markmap' || (await page.evaluate(() => window.__bench.argmap.expandAllButton()))) {
    ({ value: result.expandAll, cpu: result.expandAllCpu } = await breakdown(cdp, () =>
      page.evaluate(([api, total]) => window.__bench[api].expandAll(total), [api, size])));
    result.expandAllScript = await page.evaluate(() => window.__bench.lastScript);
    result.rowsAtExpandAll = await page.evaluate(() => window.__bench.rowsAtDone);
    // Until every node is in the page (the widget may go on adding rows batch by batch).
    result.expandAllRows = await page.evaluate(() => window.__bench.allRows);
    allShown = true;
  } else {
    result.expandAll = null;
    result.expandAllMissing = true;
    if (size <= 1000) {
      // What a keyboard reader has to do today: click + `*`, group after group.
      result.starSweep = await page.evaluate(([total, t]) => window.__bench.argmap.starSweep(total, t), [size, 60_000]);
      allShown = !result.starSweep.timedOut;
    }
  }
  if (allShown) {
    await settle(page, 800);
    result.memoryAfterExpandAll = await memory(page, cdp);
    // Usable when everything is shown: close the same node again.
    result.rowsAfterExpandAll = await page.evaluate((api) => window.__bench[api][api === 'argmap' ? 'rows' : 'nodes'](), api);
    result.collapseOneAtFull = await page.evaluate(
      ([api, id, next, expected]) => window.__bench[api].collapse(id, next, expected),
      [api, info.expandTarget, info.expandTargetNext, size - info.expandTargetDescendants],
    );
  }
  if (errors.length) result.errors = errors.slice(0, 5);
  if (first) {
    await settle(page, 200);
    result.assets = assets;
  }
  await context.close();
  return result;
}

async function loadInWasm(browser, base, size, serde = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/bench/load.html`);
  const { nodes, samples } = await page.evaluate(
    ([url, runs, serde]) => window.__timeLoad(url, runs, serde),
    [`/maps/argmap-${size}.json`, size >= 20000 ? 15 : 25, serde],
  );
  await context.close();
  if (nodes !== size) throw new Error(`load() in wasm returned ${nodes} for the ${size}-node map`);
  return stat(samples);
}

async function layoutInWasm(browser, base, size) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/bench/load.html`);
  const { rows, samples } = await page.evaluate(
    ([url, runs]) => window.__timeLayout(url, runs),
    [`/maps/argmap-${size}.json`, size >= 20000 ? 15 : 25],
  );
  await context.close();
  if (rows !== size) throw new Error(`layout() in wasm laid out ${rows} cards of the ${size}-node map`);
  return stat(samples);
}

// ---------------------------------------------------------------- the run

function classify(tool, path) {
  if (path.startsWith('/maps/')) return 'data';
  if (path.endsWith('.html')) return 'page';
  if (tool === 'argmap' && (path.endsWith('/page.css') || path.endsWith('/standalone.js'))) return 'page';
  return 'widget';
}

function machine() {
  const cpu = cpus();
  let chromium = '';
  try { chromium = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* */ }
  return {
    cpu: `${cpu[0]?.model ?? '?'} × ${cpu.length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: `Linux ${release()}`,
    node: process.version,
    chromium,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

async function main() {
  mkdirSync(join(WORK, 'maps'), { recursive: true });
  const infos = {};
  for (const size of SIZES_RUN) {
    const { argmap, markmap, info } = generate(size);
    writeFileSync(join(WORK, 'maps', `argmap-${size}.json`), JSON.stringify(argmap, null, 1));
    writeFileSync(join(WORK, 'maps', `markmap-${size}.json`), JSON.stringify(markmap));
    infos[size] = info;
  }
  const dist = join(WORK, 'dist');
  if (!existsSync(join(dist, 'pkg/argmap_bg.wasm'))) throw new Error(`${dist}: build first (bench/run does)`);
  const { base, close } = await serve({
    '/argmap/': dist,
    '/maps/': join(WORK, 'maps'),
    '/bench/': join(BENCH, 'pages'),
    '/load/': join(WORK, 'wasm-load'),
    '/markmap/d3.min.js': join(BENCH, 'node_modules/d3/dist/d3.min.js'),
    '/markmap/markmap-view.js': join(BENCH, 'node_modules/markmap-view/dist/browser/index.js'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const results = { runs: RUNS, sizes: SIZES_RUN, maps: infos, raw: [] };
  try {
    // One discarded run per tool: the browser's first pages pay for starting its processes.
    for (const tool of TOOLS) await run(browser, base, tool, SIZES_RUN[0], infos[SIZES_RUN[0]], false);
    for (const size of SIZES_RUN) {
      for (let i = 0; i < RUNS; i++) {
        // Rotate which tool goes first, so none always gets the warmer machine.
        for (const tool of TOOLS.slice(i % TOOLS.length).concat(TOOLS.slice(0, i % TOOLS.length))) {
          const r = await run(browser, base, tool, size, infos[size], i === 0);
          r.run = i;
          results.raw.push(r);
          log(`${tool} ${size} #${i + 1}: first paint ${round(r.firstPaint)} ms, expand ${round(r.expandOne)} ms, expand-all ${r.expandAll == null ? 'n/a' : round(r.expandAll) + ' ms'}${r.errors ? ', errors: ' + r.errors.join(' | ') : ''}`);
        }
      }
    }
    results.loadInWasm = {};
    if (existsSync(join(WORK, 'wasm-load', 'argmap_wasm_load_bg.wasm'))) {
      for (const size of SIZES_RUN) results.loadInWasm[size] = await loadInWasm(browser, base, size);
    }
    results.loadInWasmSerde = {};
    if (existsSync(join(WORK, 'wasm-load', 'argmap_wasm_load_bg.wasm'))) {
      for (const size of SIZES_RUN) results.loadInWasmSerde[size] = await loadInWasm(browser, base, size, true);
    }
    results.layoutInWasm = {};
    if (existsSync(join(WORK, 'wasm-load', 'argmap_wasm_load_bg.wasm'))) {
      for (const size of SIZES_RUN) results.layoutInWasm[size] = await layoutInWasm(browser, base, size);
    }
  } finally {
    await browser.close();
    close();
  }

  // ------------------------------------------------------------ summarise
  const pick = (tool, size, f) => results.raw.filter((r) => r.tool === tool && r.size === size).map(f);
  const summary = {};
  for (const size of SIZES_RUN) {
    for (const tool of TOOLS) {
      const runs = results.raw.filter((r) => r.tool === tool && r.size === size);
      (summary[size] ??= {})[tool] = {
        firstPaint: stat(pick(tool, size, (r) => r.firstPaint)),
        expandOne: stat(pick(tool, size, (r) => r.expandOne)),
        expandAll: stat(pick(tool, size, (r) => r.expandAll)),
        starSweep: stat(pick(tool, size, (r) => r.starSweep?.ms)),
        starSweepPresses: runs[0]?.starSweep?.presses ?? null,
        collapseOneAtFull: stat(pick(tool, size, (r) => r.collapseOneAtFull)),
        codeLoaded: stat(pick(tool, size, (r) => r.waterfall?.codeLoaded)),
        mapRequested: stat(pick(tool, size, (r) => r.waterfall?.mapRequested)),
        mapLoaded: stat(pick(tool, size, (r) => r.waterfall?.mapLoaded)),
        baseline: stat(pick(tool, size, (r) => r.baseline)),
        expandOneScript: stat(pick(tool, size, (r) => r.expandOneScript)),
        expandAllScript: stat(pick(tool, size, (r) => r.expandAllScript)),
        expandOneCpu: Object.fromEntries(['script', 'style', 'layout', 'other'].map((k) => [k, stat(pick(tool, size, (r) => r.expandOneCpu?.[k]))])),
        expandAllCpu: Object.fromEntries(['script', 'style', 'layout', 'other'].map((k) => [k, stat(pick(tool, size, (r) => r.expandAllCpu?.[k]))])),
        jsHeapAfterLoad: stat(pick(tool, size, (r) => r.memoryAfterLoad?.jsHeapUsed)),
        wasmAfterLoad: stat(pick(tool, size, (r) => r.memoryAfterLoad?.wasmMemory)),
        domNodesAfterLoad: stat(pick(tool, size, (r) => r.memoryAfterLoad?.domNodes)),
        jsHeapAfterExpandAll: stat(pick(tool, size, (r) => r.memoryAfterExpandAll?.jsHeapUsed)),
        wasmAfterExpandAll: stat(pick(tool, size, (r) => r.memoryAfterExpandAll?.wasmMemory)),
        domNodesAfterExpandAll: stat(pick(tool, size, (r) => r.memoryAfterExpandAll?.domNodes)),
        expandAllMissing: runs.some((r) => r.expandAllMissing),
        rowsAfterExpandAll: runs[0]?.rowsAfterExpandAll ?? null,
        rowsAtExpandAll: runs[0]?.rowsAtExpandAll ?? null,
        expandAllRows: stat(pick(tool, size, (r) => r.expandAllRows)),
        errors: [...new Set(runs.flatMap((r) => r.errors ?? []))],
      };
    }
  }
  const assets = {};
  for (const tool of ['argmap', 'markmap']) {
    const firstRun = results.raw.find((r) => r.tool === tool && r.assets);
    const list = (firstRun?.assets ?? []).map((a) => ({ ...a, kind: classify(tool, a.url) }));
    const widget = list.filter((a) => a.kind === 'widget');
    const sum = (k) => widget.reduce((s, a) => s + a[k], 0);
    assets[tool] = { files: list, widget: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
  }
  results.summary = summary;
  results.assets = assets;
  const native = join(WORK, 'native.json');
  results.loadNative = existsSync(native)
    ? JSON.parse(readFileSync(native, 'utf8')).map((n) => ({ ...n, file: n.file.split('/').pop() }))
    : null;
  const size = join(WORK, 'size.json');
  results.wasmSize = existsSync(size) ? JSON.parse(readFileSync(size, 'utf8')) : null;
  results.date = new Date().toISOString();
  results.machine = machine();
  results.targets = targets(results);

  const out = join(BENCH, 'results');
  mkdirSync(out, { recursive: true });
  const { raw, ...kept } = results;
  // The committed file keeps every run's numbers, not the per-run asset lists.
  kept.raw = raw.map(({ assets: _, ...r }) => r);
  writeFileSync(join(out, 'latest.json'), JSON.stringify(kept, null, 1) + '\n');
  const table = report(results);
  console.log(table);
  if (!args.includes('--no-readme')) updateReadme(table);
}

// ---------------------------------------------------------------- budget targets

function targets(r) {
  const s = r.summary;
  const med = (size, tool, key) => s[size]?.[tool]?.[key]?.median ?? null;
  const t = [];
  const fmt = (v, unit) => (v == null ? 'n/a' : unit === 'B' ? `${Math.round(v).toLocaleString('en')} B` : `${round(v)} ms`);
  const verdict = (v, limit) => (v == null || limit == null ? null : v <= limit);
  // One target; for timings, on the standalone page and embedded.
  const add = (name, unit, limit, page, embed, note = '') => {
    t.push({
      name, unit, limit: round(limit, 2),
      page: round(page, 2), embedded: round(embed, 2),
      met: verdict(page, limit), metEmbedded: embed === undefined ? undefined : verdict(embed, limit),
      stands: (embed === undefined ? fmt(page, unit) : `page ${fmt(page, unit)}, embedded ${fmt(embed, unit)}`) +
        ` (limit ${fmt(limit, unit)})` + (note ? `; ${note}` : ''),
    });
  };
  const ag = r.assets.argmap.widget.gzip;
  const mg = r.assets.markmap.widget.gzip;
  const ab = r.assets.argmap.widget.brotli;
  const mb = r.assets.markmap.widget.brotli;
  add('shipped script+wasm+CSS, gzip ≤ 1.0 × Markmap', 'B', mg, ag, undefined, `Markmap ${fmt(mg, 'B')}: ${round(ag / mg, 2)}×; brotli ${fmt(ab, 'B')} vs ${fmt(mb, 'B')}: ${round(ab / mb, 2)}×`);
  const vs = (size, key, factor, label, [page, embed] = ['argmap', 'argmap-embed']) => {
    const m = med(size, 'markmap', key);
    const a = med(size, page, key);
    const e = med(size, embed, key);
    add(label, 'ms', m == null ? null : factor * m, a, e, `Markmap ${fmt(m, 'ms')}: ${round(a / m, 2)}× and ${round(e / m, 2)}×`);
  };
  for (const size of [100, 1000, 5000]) {
    if (s[size]) vs(size, 'firstPaint', 1, `first painted map at ${size.toLocaleString('en')} nodes ≤ 1.0 × Markmap (the map view)`);
  }
  const heap = (tool, size) => (med(size, tool, 'jsHeapAfterLoad') ?? 0) + (med(size, tool, 'wasmAfterLoad') ?? 0);
  if (s[5000]) {
    add('JS heap + wasm memory after load at 5,000 nodes ≤ 1.0 × Markmap\'s JS heap', 'B', heap('markmap', 5000), heap('argmap', 5000), heap('argmap-embed', 5000),
      `outline view: page ${fmt(heap('argmap-outline', 5000), 'B')}, embedded ${fmt(heap('argmap-embed-outline', 5000), 'B')}`);
  }
  const OUTLINE = ['argmap-outline', 'argmap-embed-outline'];
  for (const size of [5000, 20000]) {
    if (!s[size]) continue;
    const at = size.toLocaleString('en');
    add(`one-node expand painted ≤ 16.7 ms at ${at} nodes, map view`, 'ms', FRAME, med(size, 'argmap', 'expandOne'), med(size, 'argmap-embed', 'expandOne'));
    add(`one-node expand painted ≤ 16.7 ms at ${at} nodes, outline view`, 'ms', FRAME, med(size, OUTLINE[0], 'expandOne'), med(size, OUTLINE[1], 'expandOne'));
  }
  if (s[5000]) {
    vs(5000, 'expandAll', 0.25, 'expand-all at 5,000 nodes ≤ 0.25 × Markmap, map view');
    vs(5000, 'expandAll', 0.25, 'expand-all at 5,000 nodes ≤ 0.25 × Markmap, outline view', OUTLINE);
  }
  if (s[20000]) {
    const usable = (tool) => {
      const fp = med(20000, tool, 'firstPaint');
      const one = med(20000, tool, 'expandOne');
      // Expand-all counts until the widget has stopped adding rows, if it keeps adding them.
      const all = med(20000, tool, 'expandAllRows') ?? med(20000, tool, 'expandAll');
      const back = med(20000, tool, 'collapseOneAtFull');
      return {
        ok: fp != null && fp <= 1000 && one != null && one <= 100 && all != null && all <= 1000 && back != null && back <= 100,
        text: `opens ${fmt(fp, 'ms')}, expand ${fmt(one, 'ms')}, expand-all ${fmt(all, 'ms')}, collapse with all shown ${fmt(back, 'ms')}`,
      };
    };
    const p = usable('argmap');
    const e = usable('argmap-embed');
    t.push({
      name: '20,000 nodes usable (opens ≤ 1 s; expand-all ≤ 1 s; a click paints ≤ 100 ms, also with everything open)',
      unit: '', met: p.ok, metEmbedded: e.ok, stands: `page: ${p.text}; embedded: ${e.text}`,
    });
  }
  const w = r.loadInWasm?.[20000]?.median;
  if (w != null) add('load + validate 20,000 nodes in wasm ≤ 100 ms', 'ms', 100, w, undefined, `natively ${fmt(r.loadNative?.find((n) => n.nodes === 20000)?.load_ms?.median, 'ms')}`);
  const lw = r.layoutInWasm?.[20000]?.median;
  if (lw != null) add('laying out 20,000 shown nodes in wasm ≤ 20 ms', 'ms', 20, lw);
  return t;
}

// ---------------------------------------------------------------- the report

function report(r) {
  const ms = (x) => (x == null ? 'n/a' : `${round(x.median)} (${round(x.min)}–${round(x.max)})`);
  const mb = (x) => (x == null ? 'n/a' : `${round(x.median / 2 ** 20, 1)}`);
  const ratio = (a, b) => (a?.median == null || b?.median == null || !b.median ? '—' : `${round(a.median / b.median, 2)}×`);
  const n = (x) => (x == null ? 'n/a' : Math.round(x.median).toLocaleString('en'));
  const lines = [];
  lines.push(`Date: ${r.date.slice(0, 16).replace('T', ' ')} UTC · ${RUNS} runs per cell · median (min–max)`);
  lines.push(`Machine: ${r.machine.cpu}, ${r.machine.memory}, ${r.machine.os}; ${r.machine.chromium}; Node ${r.machine.node}; load average at the end ${r.machine.load}`);
  lines.push('');
  lines.push('**Shipped bytes** (everything the page fetches except the map data; argmap: the standalone page of `dist/`, Markmap: d3 + markmap-view)');
  lines.push('');
  lines.push('| tool | asset | kind | raw | gzip -9 | brotli -q 11 |');
  lines.push('|---|---|---|---:|---:|---:|');
  const b = (x) => (x == null ? 'n/a' : x.toLocaleString('en'));
  for (const tool of ['argmap', 'markmap']) {
    for (const a of r.assets[tool].files.filter((f) => f.kind !== 'data')) {
      lines.push(`| ${tool} | \`${a.url}\` | ${a.kind} | ${b(a.raw)} | ${b(a.gzip)} | ${b(a.brotli)} |`);
    }
    const w = r.assets[tool].widget;
    lines.push(`| **${tool}** | **widget total** (script + wasm + CSS) | | **${b(w.raw)}** | **${b(w.gzip)}** | **${b(w.brotli)}** |`);
  }
  const [aw, mw] = [r.assets.argmap.widget, r.assets.markmap.widget];
  lines.push(`| | **argmap / Markmap** | | ${round(aw.raw / mw.raw, 2)}× | ${round(aw.gzip / mw.gzip, 2)}× | ${round(aw.brotli / mw.brotli, 2)}× |`);
  lines.push('');
  lines.push('**Time** in ms, until painted (requestAnimationFrame, then a posted task after that frame)');
  lines.push('');
  lines.push('argmap in both of its views (`view="map"`, `view="outline"`), on the standalone page and embedded; ratios are argmap / Markmap, in the column order.');
  lines.push('');
  lines.push(`| nodes | measure | ${TOOLS.map((t) => `argmap, ${LABEL[t]}`.replace('argmap, Markmap', 'Markmap')).join(' | ')} | map / Markmap: page · embedded | outline / Markmap: page · embedded |`);
  lines.push(`|---:|---|${TOOLS.map(() => '---:').join('|')}|---:|---:|`);
  for (const size of r.sizes) {
    const a = r.summary[size].argmap;
    const m = r.summary[size].markmap;
    const row = (label, key, note = '') => {
      const cells = TOOLS.map((t) => `${ms(r.summary[size][t][key])}${t === 'markmap' ? '' : note}`);
      const rs = (p, e) => `${ratio(r.summary[size][p][key], m[key])} · ${ratio(r.summary[size][e][key], m[key])}`;
      lines.push(`| ${size.toLocaleString('en')} | ${label} | ${cells.join(' | ')} | ${rs('argmap', 'argmap-embed')} | ${rs('argmap-outline', 'argmap-embed-outline')} |`);
    };
    row('navigation → first painted map', 'firstPaint');
    row(`expand one node (${r.maps[size].expandChildren.length} children)`, 'expandOne');
    row('… of which script (click to DOM updated) ²', 'expandOneScript');
    const o = r.summary[size]['argmap-outline'];
    const first = [a, o].some((x) => x.rowsAtExpandAll != null && x.rowsAtExpandAll < size) ? ': until the first rows argmap puts in the page ³' : '';
    row(`expand all${first}`, 'expandAll', a.expandAllMissing ? ' ¹' : '');
    row('… of which script ²', 'expandAllScript');
    if (first) row(`expand all: every one of the ${size.toLocaleString('en')} rows in the page and painted ³`, 'expandAllRows');
    row('collapse that node, all shown', 'collapseOneAtFull');
    row('measurement floor (empty action, painted) ⁴', 'baseline');
  }
  lines.push('');
  lines.push('The map view draws every shown node as a card; the outline puts rows in the page a batch at a time. The standalone page (`dist/index.html`) has the `history` attribute: every action also writes the view to the page URL (`history.pushState`); the embedded widget (`bench/pages/argmap-embed.html`, as README.md embeds it) does not.');
  lines.push('² From the click to the end of the microtasks it queued, when the new view was then already in the DOM (Yew renders in a microtask); the rest of the time is style, layout and paint. n/a for Markmap, which lays out and animates in later frames.');
  lines.push('³ The outline puts rows in the page 200 at a time, more when its "more" marker comes within 800 px of the viewport; the map view lays out and draws every shown card, as Markmap draws every node. The first line times until the first rows are painted, none of them closed; the second until every row is in the page and painted (n/a: the outline stopped adding rows, as it should).');
  lines.push('⁴ An action that does nothing, timed the same way: the cost of the method itself.');
  lines.push('');
  lines.push('**Loading waterfall** (ms from navigation start, medians): last code file received → map requested → map received → first painted map');
  lines.push('');
  lines.push(`| nodes | ${TOOLS.map((t) => LABEL[t]).join(' | ')} |`);
  lines.push(`|---:|${TOOLS.map(() => '---').join('|')}|`);
  const fall = (x) => ['codeLoaded', 'mapRequested', 'mapLoaded', 'firstPaint'].map((k) => (x[k]?.median == null ? '?' : Math.round(x[k].median))).join(' → ');
  for (const size of r.sizes) lines.push(`| ${size.toLocaleString('en')} | ${TOOLS.map((t) => fall(r.summary[size][t])).join(' | ')} |`);
  lines.push('');
  lines.push('**Where an interaction\'s main-thread time goes** (Chromium\'s Performance metrics while the step ran, ms, medians: script / style / layout / other tasks incl. paint)');
  lines.push('');
  lines.push(`| nodes | step | ${TOOLS.map((t) => LABEL[t]).join(' | ')} |`);
  lines.push(`|---:|---|${TOOLS.map(() => '---').join('|')}|`);
  const cpu = (c) => (c?.script ? ['script', 'style', 'layout', 'other'].map((k) => round(c[k]?.median)).join(' / ') : 'n/a');
  for (const size of r.sizes) {
    for (const [label, key] of [['expand one', 'expandOneCpu'], ['expand all', 'expandAllCpu']]) {
      lines.push(`| ${size.toLocaleString('en')} | ${label} | ${TOOLS.map((t) => cpu(r.summary[size][t][key])).join(' | ')} |`);
    }
  }
  lines.push('');
  lines.push('**Memory** in MiB (after a forced GC): JS heap used, and wasm linear memory; DOM nodes');
  lines.push('');
  lines.push('| nodes | when | argmap map view: JS heap + wasm | outline view: JS heap + wasm | Markmap JS heap | DOM nodes: map · outline · Markmap |');
  lines.push('|---:|---|---:|---:|---:|---:|');
  for (const size of r.sizes) {
    const a = r.summary[size].argmap;
    const o = r.summary[size]['argmap-outline'];
    const m = r.summary[size].markmap;
    for (const [when, k] of [['after load', 'AfterLoad'], ['after expand-all', 'AfterExpandAll']]) {
      const both = (x) => `${mb(x['jsHeap' + k])} + ${mb(x['wasm' + k])}`;
      lines.push(`| ${size.toLocaleString('en')} | ${when} | ${both(a)} | ${both(o)} | ${mb(m['jsHeap' + k])} | ${n(a['domNodes' + k])} · ${n(o['domNodes' + k])} · ${n(m['domNodes' + k])} |`);
    }
  }
  lines.push('');
  lines.push('**Loading + validating** a map, ms: in wasm as the widget does it (`load_compact`: the model\'s own JSON reader, then its decoder), in wasm with serde_json (`load`, what the widget no longer ships), and natively (`load`)');
  lines.push('');
  lines.push('| nodes | map size | in wasm, `load_compact` (the widget) | in wasm, serde_json | native (`--release`) | of which JSON parse, native |');
  lines.push('|---:|---:|---:|---:|---:|---:|');
  for (const size of r.sizes) {
    const nat = r.loadNative?.find((x) => x.nodes === size);
    const kb = nat ? `${Math.round(nat.bytes / 1024).toLocaleString('en')} KB` : '';
    lines.push(`| ${size.toLocaleString('en')} | ${kb} | ${ms(r.loadInWasm?.[size])} | ${ms(r.loadInWasmSerde?.[size])} | ${nat ? ms(nat.load_ms) : 'n/a'} | ${nat ? round(nat.parse_ms.median) : 'n/a'} |`);
  }
  lines.push('');
  lines.push('**Laying out the map view**, every node shown (`argmap::model::layout`, in wasm in Chromium), ms');
  lines.push('');
  lines.push('| nodes | layout |');
  lines.push('|---:|---:|');
  for (const size of r.sizes) lines.push(`| ${size.toLocaleString('en')} | ${ms(r.layoutInWasm?.[size])} |`);
  lines.push('');
  lines.push('**Budget targets**');
  lines.push('');
  lines.push('| target | where it stands | met? |');
  lines.push('|---|---|:-:|');
  const yes = (v) => (v == null ? 'n/a' : v ? 'yes' : '**no**');
  for (const t of r.targets) {
    const met = t.metEmbedded === undefined ? yes(t.met) : `page ${yes(t.met)} · embedded ${yes(t.metEmbedded)}`;
    lines.push(`| ${t.name} | ${t.stands} | ${met} |`);
  }
  if (r.sizes.some((s) => r.summary[s].argmap.expandAllMissing)) {
    lines.push('');
    lines.push('¹ This build of the widget has no expand-all control (`[data-action="expand-all"]`), so "expand all" is n/a; up to 1,000 nodes the table shows what a keyboard reader can do instead (click a closed row, `*` to open its siblings, repeat), each input rendered before the next.');
  }
  const errs = r.sizes.flatMap((s) => TOOLS.flatMap((t) => r.summary[s][t].errors.map((e) => `${t} ${s}: ${e}`)));
  if (errs.length) {
    lines.push('');
    lines.push('Page errors seen: ' + errs.slice(0, 6).map((e) => '`' + e.replace(/\s+/g, ' ').slice(0, 160) + '`').join('; '));
  }
  if (r.wasmSize) {
    lines.push('');
    lines.push(sizeReport(r.wasmSize));
  }
  return lines.join('\n');
}

function sizeReport(w) {
  const lines = [];
  lines.push(`**Where the wasm bytes go** (twiggy, on \`argmap_bg.wasm\` rebuilt with names kept: ${w.total.toLocaleString('en')} B of code and data, ${w.shipped?.toLocaleString('en') ?? '?'} B shipped)`);
  lines.push('');
  lines.push('| group | bytes | share |');
  lines.push('|---|---:|---:|');
  for (const g of w.groups) lines.push(`| ${g.name} | ${g.bytes.toLocaleString('en')} | ${round(g.share * 100, 1)} % |`);
  lines.push('');
  lines.push('Largest single items:');
  lines.push('');
  lines.push('| item | bytes |');
  lines.push('|---|---:|');
  for (const it of w.top.slice(0, 15)) lines.push(`| \`${it.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${it.bytes.toLocaleString('en')} |`);
  return lines.join('\n');
}

function updateReadme(table) {
  const file = join(BENCH, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < 0) {
    log('bench/README.md has no results markers; not updated');
    return;
  }
  writeFileSync(file, text.slice(0, a + start.length) + '\n' + table + '\n' + text.slice(b));
  log('bench/README.md and bench/results/latest.json updated');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
