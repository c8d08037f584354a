// The ```argmap fence, whatever Markdown library reads it (markdown-it-argmap, remark-argmap):
//
//   ```argmap lang=en theme=dark height=30rem
//   src: /maps/phones.json
//   ```
//
// or the map itself as the body (argmap/1 JSON). Becomes an <argument-map> element with the map
// inline (so the page needs no second request) and the static fallback rendered now, at build
// time, as the map's first view: in a declarative shadow root (<template shadowrootmode="open">),
// styled by argmap.css, the browser paints it from the HTML before any script, and without
// JavaScript it still opens node by node. A fence that cannot give a map still builds: it warns
// with the file and line, and the page shows why (the widget's own alert, or a static note).
//
// Body formats are a table (BODY_FORMATS): `format=NAME` after the info string picks one;
// otherwise the body's first character does (`{` is JSON). `format=argdown` and
// `format=markdown` (a Markdown outline) are read here, at build time, by the live editor's wasm
// (an argmap build's dist/editor/, named by the `editor` option or ARGMAP_EDITOR): the page gets
// the map as JSON, so readers never load a parser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';

import { escapeHtml, renderFallback } from './fallback.js';

export { renderFallback, escapeHtml };

/**
 * How each body format becomes a map: (text, { options, line }) → { map, warnings? } or
 * { error } (a message with line:column). `line` is the fence's line in its file, if known.
 */
export const BODY_FORMATS = {
  json: parseJson,
  argdown: (text, context) => importText(text, 'argdown', context),
  markdown: (text, context) => importText(text, 'markdown', context),
};

/** The editor's wasm, loaded once per folder: { importText } or { error }. */
const editors = new Map();

function editorIn(folder) {
  if (!editors.has(folder)) {
    try {
      // The wasm-bindgen glue is an ES module; require() loads it synchronously (Node 20.19+),
      // as a fence is rendered synchronously. dist/editor/package.json marks it a module.
      const glue = createRequire(import.meta.url)(join(folder, 'argmap_editor.js'));
      glue.initSync({ module: readFileSync(join(folder, 'argmap_editor_bg.wasm')) });
      editors.set(folder, { importText: glue.importText });
    } catch (error) {
      editors.set(folder, { error: `cannot load the editor's wasm from ${folder} (${error.code ?? error.message})` });
    }
  }
  return editors.get(folder);
}

/** Argdown or a Markdown outline to a map, through the editor's wasm. */
function importText(text, format, { options = {}, line } = {}) {
  const folder = options.editor ?? process.env.ARGMAP_EDITOR;
  if (!folder) {
    return { error: `a ${format} body is read by argmap's editor wasm: give the \`editor\` option (or ARGMAP_EDITOR) the folder dist/editor of an argmap build` };
  }
  const editor = editorIn(resolve(folder));
  if (editor.error) return { error: editor.error };
  const answer = JSON.parse(editor.importText(text, format));
  // Positions in the Markdown file when the fence's own line is known, else in the body.
  const where = (d) => (line === undefined ? `body line ${d.line}, column ${d.column}` : `line ${line + d.line}, column ${d.column}`);
  const said = answer.diagnostics.map((d) => `${where(d)}: ${d.severity}: ${d.message}`);
  if (answer.map_json === null) return { error: said.filter((m) => m.includes(': error: ')).join('; ') || `the ${format} text gives no map` };
  return { map: JSON.parse(answer.map_json), warnings: said };
}

/** Attributes the fence passes on to <argument-map> (see docs/embedding.md). */
const ATTRIBUTES = new Set(['lang', 'theme', 'height', 'tour', 'history', 'view']);

/** `lang=en view=map tour` → { lang: 'en', view: 'map', tour: '' }. Values may be "quoted". */
export function parseInfo(info) {
  const options = {};
  const rest = String(info ?? '').trim().replace(/^argmap\b/, '');
  for (const match of rest.matchAll(/([A-Za-z][\w-]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    const value = match[2] ?? '';
    options[match[1]] = /^["']/.test(value) ? value.slice(1, -1) : value;
  }
  return options;
}

/** JSON text to a map, or a message saying where it broke (line and column, 1-based). */
function parseJson(text) {
  try {
    return { map: JSON.parse(text) };
  } catch (error) {
    const offset = firstSyntaxError(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { error: `not valid JSON at line ${line}, column ${column} of the map (${error.message.split('\n')[0]})` };
  }
}

/**
 * Where JSON.parse gave up, as an offset: node's messages do not always say. A scanner of JSON
 * syntax with an explicit stack of open containers (no recursion).
 */
function firstSyntaxError(text) {
  const ws = /[ \t\n\r]*/y;
  const literal = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")/y;
  const stack = [];
  let i = 0;
  const skip = () => {
    ws.lastIndex = i;
    ws.exec(text);
    i = ws.lastIndex;
  };
  let expect = 'value';
  for (;;) {
    skip();
    const c = text[i];
    if (expect === 'value' || expect === 'key') {
      if (expect === 'value' && (c === '{' || c === '[')) {
        stack.push(c);
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      literal.lastIndex = i;
      const m = literal.exec(text);
      if (!m || (expect === 'key' && c !== '"')) return i;
      i = literal.lastIndex;
      if (expect === 'key') {
        skip();
        if (text[i] !== ':') return i;
        i++;
        expect = 'value';
      } else expect = 'after';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (!top) return i < text.length ? i : text.length;
    if (c === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
    } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
      stack.pop();
      i++;
    } else return i;
  }
}

/** A map that is well-formed enough to draw a fallback from; else what is missing. */
function shapeProblem(map) {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return 'the map is not a JSON object';
  if (map.format !== 'argmap/1') return `"format" is ${JSON.stringify(map.format)}, not "argmap/1"`;
  if (!Array.isArray(map.nodes) || !map.nodes.some((n) => n && n.id === map.root)) return `no node is the root ${JSON.stringify(map.root)}`;
  return undefined;
}

/** Text for inside <script type="application/json">: nothing in it can end the script. */
const scriptSafe = (text) => text.replace(/</g, '\\u003c');

/**
 * Where a `src:` names a file on disk: an absolute path (`/maps/x.json`) under `root` (the
 * site's source or public folder), a relative one next to the Markdown file. `http(s)://`
 * URLs are not fetched at build time: the browser loads them.
 */
function localPath(src, { root, file }) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  const clean = decodeURI(src.split(/[?#]/)[0]);
  if (isAbsolute(clean)) return join(root ?? process.cwd(), clean);
  return resolve(file ? dirname(file) : (root ?? process.cwd()), clean);
}

/**
 * The URL of argmap.css for the first view's shadow root: `options.css`, else beside
 * `options.script` (default /argmap/argmap.js), else /argmap/argmap.css.
 */
function cssUrl(options) {
  if (typeof options.css === 'string') return options.css;
  if (options.script === false) return '/argmap/argmap.css';
  const script = String(options.script ?? '/argmap/argmap.js');
  return `${script.split(/[?#]/)[0].replace(/[^/]*$/, '')}argmap.css`;
}

/**
 * One fence to HTML. `info` is what follows ``` (`argmap lang=en`), `body` the fence's text,
 * `where` = { file, line } for warnings. Options: `root` (folder that absolute `src:` paths are
 * under), `script` (URL of argmap.js, written once per page; false: the layout loads it),
 * `stylesheet` (URL of argmap-fallback.css, or false), `css` (URL of argmap.css, which styles the
 * first view in its shadow root; default: beside `script`, or /argmap/argmap.css when `script`
 * is false), `lang` (default language), `inline` (false: keep `src` instead of inlining the
 * map), `page` (an object that lives as long as one page: remembers whether the script was
 * written), `warn` (receives each warning).
 * Returns { html, warnings }.
 */
export function renderFence(info, body, where = {}, options = {}) {
  const warnings = [];
  const place = `${where.file ?? '(markdown)'}:${where.line ?? '?'}`;
  const warn = (message) => {
    const text = `${place}: argmap: ${message}`;
    warnings.push(text);
    (options.warn ?? console.warn)(text);
  };
  const fence = parseInfo(info);
  const attributes = {};
  for (const [name, value] of Object.entries(fence)) {
    if (ATTRIBUTES.has(name)) attributes[name] = value;
    else if (name !== 'format') warn(`unknown option "${name}" after \`\`\`argmap, ignored (known: ${[...ATTRIBUTES].join(', ')}, format)`);
  }
  if (!attributes.lang && options.lang) attributes.lang = options.lang;

  const text = String(body ?? '').replace(/^\uFEFF/, '');
  const srcLine = /^\s*src:\s*(\S.*?)\s*$/m.exec(text);
  let json; // the map's text, to inline
  let map; // the parsed map, for the fallback
  let note; // shown in place of a fallback when there is no map at all
  if (!text.trim()) {
    warn('empty fence: give `src: URL` or the map (argmap/1 JSON) as its body');
    note = 'No map was given here.';
  } else if (srcLine && !text.trim().startsWith('{')) {
    const src = srcLine[1];
    const path = localPath(src, { root: options.root, file: where.file });
    if (path === undefined || options.inline === false) {
      attributes.src = src;
    }
    if (path !== undefined) {
      let read;
      try {
        read = readFileSync(path, 'utf8');
      } catch (error) {
        warn(`cannot read the map ${JSON.stringify(src)} (${path}: ${error.code ?? error.message}); the widget will try to load it and show the problem`);
        attributes.src = src;
      }
      if (read !== undefined) {
        const parsed = parseJson(read.replace(/^\uFEFF/, ''));
        if (parsed.error) warn(`${src}: ${parsed.error}; the widget will show the problem`);
        else map = parsed.map;
        if (options.inline !== false) json = read;
      }
    }
  } else {
    const format = fence.format || (text.trim().startsWith('{') ? 'json' : undefined);
    const decode = BODY_FORMATS[format];
    if (!decode) {
      warn(
        format
          ? `unknown body format "${format}" (known: ${Object.keys(BODY_FORMATS).join(', ')})`
          : 'the body is neither `src: URL` nor a map in JSON (it should start with `{`)',
      );
      note = 'This map could not be read.';
    } else {
      const parsed = decode(text, { options, line: where.line });
      for (const warning of parsed.warnings ?? []) warn(warning);
      if (format === 'json') {
        if (parsed.error) warn(`${parsed.error}; the widget will show the problem`);
        else map = parsed.map;
        json = text;
      } else if (parsed.error) {
        // The widget reads JSON only: the text's problems are told here, at build time.
        warn(parsed.error);
        note = 'This map could not be read.';
      } else {
        map = parsed.map;
        json = JSON.stringify(map);
      }
    }
  }
  if (map) {
    const problem = shapeProblem(map);
    if (problem) {
      warn(`${problem}; the widget will list every problem`);
      map = undefined;
    }
  }

  let html = '';
  const page = options.page ?? {};
  if (options.stylesheet !== false && !page.argmapStylesheet) {
    page.argmapStylesheet = true;
    html += `<link rel="stylesheet" href="${escapeHtml(options.stylesheet ?? '/argmap/argmap-fallback.css')}">\n`;
  }
  if (options.script !== false && !page.argmapScript) {
    page.argmapScript = true;
    html += `<script type="module" src="${escapeHtml(options.script ?? '/argmap/argmap.js')}"></script>\n`;
  }
  const attrs = Object.entries(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  html += `<argument-map${attrs}>`;
  // The first view: the fallback in a declarative shadow root, as `argmap render --shadow` writes it.
  if (map) {
    html += `<template shadowrootmode="open"><link rel="stylesheet" href="${escapeHtml(cssUrl(options))}">`;
    html += `<div class="am-first">${renderFallback(map, attributes.lang)}</div></template>`;
  }
  if (json !== undefined) html += `<script type="application/json">${scriptSafe(json)}</script>`;
  if (!map && note) html += `<p class="am-fb-problem" role="alert">argmap: ${escapeHtml(note)}</p>`;
  html += '</argument-map>\n';
  return { html, warnings };
}
