// The first view from the HTML, measured against Markmap in one headless Chromium, the tools
// interleaved run by run: when a reader first sees the map, how many bytes they downloaded for
// it, when it takes input, whether anything moved, and what a map below the fold or three maps
// on a page cost. Called by bench/run after bench.mjs (which it reuses: the build, the maps).
//
//   node bench/lib/first-view.mjs [--runs 5] [--sizes 100,1000,5000] [--no-readme]
//
// Pages (written to bench/.work/first-view/ from `argmap render --element`, served without
// compression or caching; sizes are gzip -9 of each file, as a host serves them):
// - argmap, first view: a post with the element `argmap render --element --src` writes (the
//   map's first view in a declarative shadow root) and argmap.css linked in its <head>;
// - argmap, no first view: the same post with a bare <argument-map src> (what 0.2 shipped);
// - Markmap: bench/pages/markmap.html, as bench.mjs drives it;
// - below the fold: the first-view post with 4 screens of text before the map, never scrolled;
// - three maps: the first-view post with three maps (100 nodes each) one after the other.

import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { gzipSync, constants as zlib } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { generate } from './generate.mjs';
import { serve } from './server.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(BENCH, '..');
const WORK = join(BENCH, '.work');
const OUT = join(WORK, 'first-view');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 5));
const SIZES = opt('sizes', '100,1000,5000').split(',').map(Number);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TOOLS = ['argmap-first', 'argmap-bare', 'markmap'];
const LABEL = { 'argmap-first': 'argmap, first view from the HTML', 'argmap-bare': 'argmap, no first view', markmap: 'Markmap' };
const log = (...a) => console.error('first-view:', ...a);
const round = (x, d = 1) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

// ------------------------------------------------------------------ pages

const POST = (title, head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body { font-family: Georgia, serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; } .fold { height: 400vh; }</style>
${head}
<script type="module" src="/argmap/argmap.js"></script>
</head><body><h1>${title}</h1><p>A paragraph of the post before the map.</p>
${body}
<p id="after">The post goes on after the map.</p></body></html>
`;

function element(size) {
  return execFileSync(
    'cargo',
    ['run', '--quiet', '-p', 'argmap-cli', '--', 'render', join(WORK, 'maps', `argmap-${size}.json`),
      '--lang', 'en', '--element', '--src', `/maps/argmap-${size}.json`, '--base', '/argmap/'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
  ).trim();
}

function writePages() {
  mkdirSync(OUT, { recursive: true });
  const sheet = '<link rel="stylesheet" href="/argmap/argmap.css">';
  for (const size of new Set([...SIZES, 100])) {
    const first = element(size);
    writeFileSync(join(OUT, `first-${size}.html`), POST(`First view, ${size} nodes`, sheet, first));
    writeFileSync(join(OUT, `bare-${size}.html`), POST(`No first view, ${size} nodes`, '', `<argument-map src="/maps/argmap-${size}.json" lang="en"></argument-map>`));
    if (size === 100) {
      writeFileSync(join(OUT, 'below-fold.html'), POST('A map below the fold', sheet, `<div class="fold"></div>${first}`));
      const three = [1, 2, 3].map((n) => first.replace('<argument-map ', `<argument-map id="m${n}" `)).join('\n<p>Between the maps.</p>\n');
      writeFileSync(join(OUT, 'three.html'), POST('Three maps', sheet, three));
    }
  }
}

// ------------------------------------------------------------------ one run

/** gzip -9 size of what `pathname` serves, from disk. */
const ROUTES = () => ({ '/argmap/': join(WORK, 'dist'), '/maps/': join(WORK, 'maps'), '/fv/': OUT, '/bench/': join(BENCH, 'pages'),
  '/markmap/d3.min.js': join(BENCH, 'node_modules/d3/dist/d3.min.js'),
  '/markmap/markmap-view.js': join(BENCH, 'node_modules/markmap-view/dist/browser/index.js') });
const gzipCache = new Map();
function gzipOf(pathname) {
  if (gzipCache.has(pathname)) return gzipCache.get(pathname);
  let file = null;
  for (const [prefix, target] of Object.entries(ROUTES())) {
    if (pathname === prefix) file = target;
    else if (prefix.endsWith('/') && pathname.startsWith(prefix)) file = join(target, pathname.slice(prefix.length));
    if (file) break;
  }
  const size = file && existsSync(file) && statSync(file).isFile() ? gzipSync(readFileSync(file), { level: zlib.Z_BEST_COMPRESSION }).length : 0;
  gzipCache.set(pathname, size);
  return size;
}

// In the page: when the map is first painted (argmap: the first view's root and its children,
// or the widget's rows; Markmap: its nodes drawn and fitted), when the widget takes input (its
// rows painted, the first view gone), and the layout shifts.
const PROBE = `(() => {
  const B = (window.__fv = { shifts: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) B.shifts += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  const post = (fn) => { const c = new MessageChannel(); c.port1.onmessage = () => fn(); c.port2.postMessage(null); };
  const painted = (done) => new Promise((ok) => {
    const frame = () => requestAnimationFrame(() => { let yes = false; try { yes = done(); } catch {} if (yes) post(() => ok(performance.now())); else post(frame); });
    frame();
  });
  const host = () => document.querySelector('argument-map');
  const first = () => [...(host()?.shadowRoot?.children ?? [])].find((e) => e.classList.contains('am-first'));
  const widgetRows = () => host()?.shadowRoot?.querySelectorAll('.argmap:not([data-pending]) [role=treeitem]') ?? [];
  const expect = Number(new URLSearchParams(location.search).get('expect'));
  if (location.pathname.includes('markmap')) {
    const nodes = () => document.querySelectorAll('svg#mm > g > g.markmap-node');
    B.firstPaint = painted(() => nodes().length === expect && [...nodes()].every((g) => g.lastElementChild?.style.opacity === '1') && document.querySelector('svg#mm > g')?.hasAttribute('transform'));
    B.interactive = B.firstPaint;
  } else {
    B.firstPaint = painted(() => (first()?.querySelectorAll('.am-fallback > details > .am-fb-body > .am-fb-children > [data-node-id]').length ?? 0) + 1 >= expect || widgetRows().length >= expect);
    B.interactive = painted(() => !first() && widgetRows().length >= expect && host().getAttribute('data-state') === 'ready');
  }
})();`;

async function run(browser, base, page, expect, waitFor = ['firstPaint', 'interactive']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript({ content: PROBE });
  const tab = await context.newPage();
  await tab.goto(`${base}${page}${page.includes('?') ? '&' : '?'}expect=${expect}`, { waitUntil: 'load' });
  const result = {};
  for (const key of waitFor) result[key] = await tab.evaluate((k) => Promise.race([window.__fv[k], new Promise((ok) => setTimeout(() => ok(null), 60000))]), key);
  await tab.waitForTimeout(waitFor.length ? 300 : 2000);
  const seen = await tab.evaluate(() => ({
    shifts: window.__fv.shifts,
    resources: [{ name: location.href, end: performance.getEntriesByType('navigation')[0].responseEnd },
      ...performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: e.responseEnd }))],
  }));
  const bytesBy = (t) => (t == null ? null : seen.resources.filter((r) => r.end <= t).reduce((s, r) => s + gzipOf(new URL(r.name).pathname), 0));
  const code = (r) => !new URL(r.name).pathname.startsWith('/maps/') && !/\.html$/.test(new URL(r.name).pathname);
  result.cls = seen.shifts;
  result.bytesBeforePaint = bytesBy(result.firstPaint);
  result.bytesBeforeInteractive = bytesBy(result.interactive);
  result.codeBeforeInteractive = result.interactive == null ? null : seen.resources.filter((r) => r.end <= result.interactive && code(r)).reduce((s, r) => s + gzipOf(new URL(r.name).pathname), 0);
  result.bytesAll = seen.resources.reduce((s, r) => s + gzipOf(new URL(r.name).pathname), 0);
  result.wasmFetched = seen.resources.some((r) => r.name.endsWith('.wasm'));
  await context.close();
  return result;
}

// ------------------------------------------------------------------ main

async function main() {
  for (const size of new Set([...SIZES, 100])) {
    if (!existsSync(join(WORK, 'maps', `argmap-${size}.json`))) {
      const { argmap, markmap } = generate(size);
      mkdirSync(join(WORK, 'maps'), { recursive: true });
      writeFileSync(join(WORK, 'maps', `argmap-${size}.json`), JSON.stringify(argmap, null, 1));
      writeFileSync(join(WORK, 'maps', `markmap-${size}.json`), JSON.stringify(markmap));
    }
  }
  if (!existsSync(join(WORK, 'dist', 'pkg/argmap_bg.wasm'))) throw new Error('bench/.work/dist: build first (bench/run does)');
  writePages();
  const infos = Object.fromEntries([...new Set([...SIZES, 100])].map((s) => [s, generate(s).info]));
  const { base, close } = await serve(ROUTES());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const raw = [];
  const pageOf = (tool, size) => ({ 'argmap-first': `/fv/first-${size}.html`, 'argmap-bare': `/fv/bare-${size}.html`,
    markmap: `/bench/markmap.html?map=/maps/markmap-${size}.json` })[tool];
  try {
    for (const tool of TOOLS) await run(browser, base, pageOf(tool, 100), infos[100].initialVisible); // warm-up
    for (const size of SIZES) {
      for (let i = 0; i < RUNS; i++) {
        for (const tool of TOOLS.slice(i % TOOLS.length).concat(TOOLS.slice(0, i % TOOLS.length))) {
          const r = { tool, size, run: i, ...(await run(browser, base, pageOf(tool, size), infos[size].initialVisible)) };
          raw.push(r);
          log(`${tool} ${size} #${i + 1}: painted ${round(r.firstPaint)} ms (${r.bytesBeforePaint} B), interactive ${round(r.interactive)} ms (${r.bytesBeforeInteractive} B), CLS ${round(r.cls, 4)}`);
        }
      }
    }
    for (let i = 0; i < RUNS; i++) {
      raw.push({ tool: 'below-fold', run: i, ...(await run(browser, base, '/fv/below-fold.html', infos[100].initialVisible, [])) });
      raw.push({ tool: 'three', run: i, ...(await run(browser, base, '/fv/three.html', infos[100].initialVisible)) });
    }
  } finally {
    await browser.close();
    close();
  }
  const cell = (tool, size, key) => median(raw.filter((r) => r.tool === tool && (size == null || r.size === size)).map((r) => r[key]));
  const kb = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KB`);
  const ms = (t) => (t == null ? 'n/a' : `${round(t)} ms`);
  const ratio = (a, b) => (a == null || b == null || !b ? '—' : `${round(a / b, 2)}×`);
  const lines = [];
  lines.push(`Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${RUNS} runs per cell · medians · 1280×800 · served without compression; bytes are gzip -9 of each file fetched`);
  lines.push('');
  lines.push(`| nodes | measure | ${TOOLS.map((t) => LABEL[t]).join(' | ')} | first view / Markmap |`);
  lines.push(`|---:|---|${TOOLS.map(() => '---:').join('|')}|---:|`);
  for (const size of SIZES) {
    const row = (label, key, f) => lines.push(`| ${size.toLocaleString('en')} | ${label} | ${TOOLS.map((t) => f(cell(t, size, key))).join(' | ')} | ${ratio(cell('argmap-first', size, key), cell('markmap', size, key))} |`);
    row('navigation → first painted map', 'firstPaint', ms);
    row('bytes before the first painted map (page, code, map)', 'bytesBeforePaint', kb);
    row('navigation → the widget takes input', 'interactive', ms);
    row('bytes before it takes input', 'bytesBeforeInteractive', kb);
    row('… of which code (script, wasm, CSS)', 'codeBeforeInteractive', kb);
    row('cumulative layout shift', 'cls', (x) => (x == null ? 'n/a' : String(round(x, 4))));
  }
  lines.push('');
  lines.push(`A post whose map (100 nodes, first view from the HTML) is four screens down, never scrolled: ${kb(cell('below-fold', null, 'bytesAll'))} fetched in all, wasm fetched: ${raw.filter((r) => r.tool === 'below-fold').some((r) => r.wasmFetched) ? 'yes' : 'no'}. ` +
    `Three maps of 100 nodes on one post: first painted at ${ms(cell('three', null, 'firstPaint'))} (${kb(cell('three', null, 'bytesBeforePaint'))}), the first widget takes input at ${ms(cell('three', null, 'interactive'))}, ${kb(cell('three', null, 'bytesAll'))} in all, CLS ${round(cell('three', null, 'cls'), 4)}.`);
  const table = lines.join('\n');
  console.log(table);
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  writeFileSync(join(BENCH, 'results', 'first-view.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, sizes: SIZES, raw }, null, 1) + '\n');
  if (!args.includes('--no-readme')) {
    const file = join(BENCH, 'README.md');
    const text = readFileSync(file, 'utf8');
    const [start, end] = ['<!-- first-view:start -->', '<!-- first-view:end -->'];
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a >= 0 && b >= 0) writeFileSync(file, text.slice(0, a + start.length) + '\n' + table + '\n' + text.slice(b));
    else log('bench/README.md has no first-view markers; not updated');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
