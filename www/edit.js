// The live editor (edit.html): Argdown or a Markdown outline on the left, the <argument-map>
// on the right, redrawn a moment after the author stops typing. The text parsers are the
// editor's own wasm (editor/, built into dist/editor/): a page that only reads maps never
// loads them.
//
// No inline script or style: works under the same strict Content-Security-Policy as the widget.
import init, { importText, embedSnippetElement } from './editor/argmap_editor.js';

const EXAMPLES = {
  argdown: `===
title: {en: "Phones in class", zh: "课堂上的手机"}
languages: [en, zh]
sides: {open: {en: Allow, zh: 允许}, closed: {en: Ban, zh: 禁止}}
===

// One claim a line. "+" below a claim is a reason for it, "-" a reason against.
// {text: {zh: …}} gives the claim in Chinese too: switch 中文 / English in the map.
[Phones]: Should schools ban phones in class? {text: {zh: 学校应该禁止学生在课堂上用手机吗？}}
  + [Ban]: Schools should ban phones during lessons. {side: closed, text: {zh: 学校应在上课时禁止手机。}}
    + <Distraction>: Phones pull attention away from the lesson. {text: {zh: 手机把注意力从课堂上拉走。}}
      - <Self-control>: Learning to resist the phone is itself a lesson. {text: {zh: 学会抵制手机本身就是一课。}}
    - <Emergencies>: Parents need to reach children in an emergency. {text: {zh: 紧急情况下家长需要联系到孩子。}}
  + [Allow]: Schools should let pupils keep phones. {side: open, text: {zh: 学校应允许学生带手机。}}
    + <Tools>: Phones are calculators, dictionaries and cameras. {text: {zh: 手机就是计算器、词典和相机。}}
`,
  markdown: `---
title: Phones in class
---

# Should schools ban phones in class?

- [Ban]: Schools should ban phones during lessons. {side: closed}
  - Pro: Phones pull attention away from the lesson.
    - Con: Learning to resist the phone is itself a lesson.
  - Con: Parents need to reach children in an emergency.
- [Allow]: Schools should let pupils keep phones. {side: open}
  - Pro: Phones are calculators, dictionaries and cameras.
    > A phone in the bag was used for the lesson in one class in three.
    > — Class survey
`,
};

const LABELS = {
  en: {
    title: 'argmap editor', format: 'Format', argdown: 'Argdown', markdown: 'Markdown outline',
    scriptAddress: 'Where argmap.js is on your site',
    download: 'Download map JSON', copy: 'Copy embed snippet', downloadPage: 'Download page', example: 'Start from the example', text: 'Text', problems: 'Problems',
    snippet: 'Embed snippet', preview: 'Map', flagship: 'the flagship map', syntax: 'Argdown',
    loading: 'Loading the editor…', switchTo: '中文', switchLang: 'zh',
    none: 'No problems.',
    counts: (errors, warnings) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
    stale: 'The map shows the last text without errors.',
    error: 'error', warning: 'warning',
    copied: 'Copied. Paste it into your page; argmap.js must be served from the address in its first line.',
    copyFailed: 'The browser did not allow copying: select the snippet below and copy it.',
    needsMap: 'Fix the errors first: there is no map to take.',
    failed: 'The editor could not load',
    at: (line, column) => `line ${line}, column ${column}`,
  },
  zh: {
    title: 'argmap 编辑器', format: '格式', argdown: 'Argdown', markdown: 'Markdown 大纲',
    scriptAddress: '你网站上 argmap.js 的地址',
    download: '下载地图 JSON', copy: '复制嵌入代码', downloadPage: '下载网页', example: '从示例开始', text: '文本', problems: '问题',
    snippet: '嵌入代码', preview: '地图', flagship: '示范地图', syntax: 'Argdown',
    loading: '正在加载编辑器…', switchTo: 'English', switchLang: 'en',
    none: '没有问题。',
    counts: (errors, warnings) => `${errors} 个错误，${warnings} 个警告。`,
    stale: '地图显示的是最后一版没有错误的文本。',
    error: '错误', warning: '警告',
    copied: '已复制。粘贴到你的网页中；argmap.js 须能从第一行的地址取到。',
    copyFailed: '浏览器不允许复制：请选中下面的代码自行复制。',
    needsMap: '请先改正错误：现在没有可用的地图。',
    failed: '编辑器无法加载',
    at: (line, column) => `第 ${line} 行第 ${column} 列`,
  },
};

const DEBOUNCE_MS = 300;
// The author's text and format, kept in this browser: a reload or a closed tab loses nothing.
const DRAFT_KEY = 'argmap-editor/1';
// Where the author's site serves argmap.js: chosen once, kept. Never this editor's own address,
// which a pasted snippet on another site could not load (a cross-origin module).
const SCRIPT_KEY = 'argmap-editor/script';
const DEFAULT_SCRIPT = '/argmap/argmap.js';

const $ = (id) => document.getElementById(id);
const text = $('text');
const format = $('format');
const status = $('status');
const problems = $('problems');
const mapElement = $('map');
const inlineJson = mapElement.querySelector('script[type="application/json"]');
const downloadButton = $('download');
const copyButton = $('copy');
const snippetBox = $('snippet-box');
const snippetText = $('snippet');
const copyStatus = $('copy-status');
const uiLangButton = $('ui-lang');
const exampleButton = $('example');
const scriptAddress = $('script-address');
try {
  scriptAddress.value = localStorage.getItem(SCRIPT_KEY) || DEFAULT_SCRIPT;
} catch {
  scriptAddress.value = DEFAULT_SCRIPT;
}

let uiLang = navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
let ready = false;
let pending;       // the debounce timer
let shown = null;  // the last map without errors, as JSON text: what the widget shows
let current = { mapJson: null, diagnostics: [] }; // the result for the text as it is now

const words = () => LABELS[uiLang];

function applyLabels() {
  document.documentElement.lang = uiLang;
  for (const element of document.querySelectorAll('[data-label]')) {
    const label = words()[element.dataset.label];
    if (typeof label === 'string') element.textContent = label;
  }
  uiLangButton.textContent = words().switchTo;
  uiLangButton.lang = words().switchLang;
  if (ready) showProblems();
}

function saveDraft() {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ format: format.value, text: text.value }));
  } catch {
    // Storage refused (a private window, a full quota): the editor works on, unsaved.
  }
}

function savedDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    if (draft && typeof draft.text === 'string' && draft.format in EXAMPLES) return draft;
  } catch {
    // Nothing readable kept: start from the example.
  }
  return null;
}

/** Parse the text now, list its problems, and hand a map without errors to the widget. */
function refresh() {
  clearTimeout(pending);
  pending = undefined;
  saveDraft();
  if (!ready) return;
  const answer = JSON.parse(importText(text.value, format.value));
  current = { mapJson: answer.map_json, diagnostics: answer.diagnostics };
  if (current.mapJson !== null && current.mapJson !== shown) {
    shown = current.mapJson;
    // The element watches its inline JSON child and updates the widget in place.
    inlineJson.textContent = shown;
  }
  const usable = current.mapJson !== null;
  downloadButton.disabled = !usable;
  copyButton.disabled = !usable;
  showProblems();
}

function schedule() {
  clearTimeout(pending);
  pending = setTimeout(refresh, DEBOUNCE_MS);
}

function showProblems() {
  const { diagnostics, mapJson } = current;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  let summary = diagnostics.length === 0 ? words().none : words().counts(errors, diagnostics.length - errors);
  if (mapJson === null && shown !== null) summary += ` ${words().stale}`;
  status.textContent = summary;
  const items = diagnostics.map((d) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `problem ${d.severity}`;
    button.dataset.line = d.line;
    button.dataset.column = d.column;
    // The visible text is the accessible name (LINE:COLUMN, kind, message); the title spells out where.
    button.title = words().at(d.line, d.column);
    const where = Object.assign(document.createElement('span'), { className: 'where', textContent: `${d.line}:${d.column}` });
    const severity = Object.assign(document.createElement('span'), { className: 'severity', textContent: words()[d.severity] });
    const message = Object.assign(document.createElement('span'), { className: 'message', textContent: d.message });
    button.append(where, ' ', severity, ' ', message);
    const item = document.createElement('li');
    item.append(button);
    return item;
  });
  problems.replaceChildren(...items);
}

/**
 * Where LINE:COLUMN (1-based, columns in characters as the parser counts them) is in the
 * textarea's value, which counts UTF-16 code units.
 */
function offsetOf(value, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = value.indexOf('\n', offset);
    if (end < 0) return value.length;
    offset = end + 1;
  }
  const end = value.indexOf('\n', offset);
  const lineText = value.slice(offset, end < 0 ? value.length : end);
  let units = 0;
  let chars = 1;
  for (const char of lineText) {
    if (chars >= column) break;
    units += char.length;
    chars++;
  }
  return offset + units;
}

function moveCaret(line, column) {
  const at = offsetOf(text.value, line, column);
  text.focus();
  text.setSelectionRange(at, at);
  // Bring the line into view: browsers scroll to a caret set by script only sometimes.
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
  text.scrollTop = Math.max(0, (line - 1) * lineHeight - text.clientHeight / 2);
}

problems.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('button.problem');
  if (button) moveCaret(Number(button.dataset.line), Number(button.dataset.column));
});

/** The map of the text as it is now (a pending redraw is done first), or null with a note why. */
function mapNow(note) {
  if (pending !== undefined) refresh();
  if (current.mapJson === null) {
    note.textContent = words().needsMap;
    return null;
  }
  return JSON.parse(current.mapJson);
}

/** Offers `blob` as a file named after the map (`MAP-ID.ext`, else `map.ext`). */
function offer(blob, map, ext) {
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `${/^[\w.-]+$/.test(map.id ?? '') ? map.id : 'map'}.${ext}`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time the click returns; give it a moment anyway.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

downloadButton.addEventListener('click', () => {
  const map = mapNow(status);
  if (!map) return;
  offer(new Blob([`${JSON.stringify(map, null, 2)}\n`], { type: 'application/json' }), map, 'json');
});

/** Text for HTML content. */
const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// A whole page with the map, its first view drawn: put it on any static host that serves argmap
// at the script address, and it is the map's own page.
$('download-page').addEventListener('click', () => {
  const map = mapNow(status);
  if (!map) return;
  const { script, lang, element } = embedParts(map);
  const title = typeof map.title === 'string' ? map.title : (map.title?.[lang] ?? Object.values(map.title ?? {})[0] ?? 'argmap');
  const page = `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${script.replace(/[^/]*$/, '')}argmap.css">
  <script type="module" src="${script}"></script>
</head>
<body>
  <main>
${element}
  </main>
</body>
</html>
`;
  offer(new Blob([page], { type: 'text/html' }), map, 'html');
});

/**
 * The two lines a host pastes: the element's script, and the element with the map inline and
 * its first view already drawn (a declarative shadow root styled by argmap.css, from the same
 * folder as the script), so readers see the map before any script runs.
 */
function snippetOf(map) {
  const { script, element } = embedParts(map);
  return `<script type="module" src="${script}"></script>\n${element}\n`;
}

/** The script's address (as the author set it), the map's language, and the element. */
function embedParts(map) {
  // An attribute value: nothing in it may end the attribute or the tag.
  const script = (scriptAddress.value.trim() || DEFAULT_SCRIPT).replace(/["<>]/g, encodeURIComponent);
  const lang = Array.isArray(map.languages) && /^[A-Za-z-]+$/.test(map.languages[0] ?? '') ? map.languages[0] : 'en';
  const element = embedSnippetElement(JSON.stringify(map), lang, script.replace(/[^/]*$/, ''));
  return { script, lang, element };
}

copyButton.addEventListener('click', async () => {
  const map = mapNow(copyStatus);
  snippetBox.hidden = false;
  if (!map) return;
  const snippet = snippetOf(map);
  snippetText.value = snippet;
  try {
    await navigator.clipboard.writeText(snippet);
    copyStatus.textContent = words().copied;
  } catch {
    copyStatus.textContent = words().copyFailed;
    snippetText.focus();
    snippetText.select();
  }
});

scriptAddress.addEventListener('input', () => {
  try {
    localStorage.setItem(SCRIPT_KEY, scriptAddress.value.trim());
  } catch {
    // Storage refused: the address holds for this visit.
  }
  const map = snippetBox.hidden ? null : mapNow(copyStatus);
  if (map) snippetText.value = snippetOf(map);
});

format.addEventListener('change', () => {
  // An untouched example follows the format; the author's own text stays and is read anew.
  const other = format.value === 'argdown' ? 'markdown' : 'argdown';
  if (text.value === EXAMPLES[other]) text.value = EXAMPLES[format.value];
  refresh();
});

uiLangButton.addEventListener('click', () => {
  uiLang = words().switchLang;
  applyLabels();
});

exampleButton.addEventListener('click', () => {
  // Through the editing command where there is one, so that undo brings the author's text back.
  text.focus();
  text.select();
  const example = EXAMPLES[format.value];
  if (!document.execCommand?.('insertText', false, example) || text.value !== example) text.value = example;
  refresh();
});

text.addEventListener('input', schedule);
// The last text has not been saved if the page goes before the pause that redraws it.
addEventListener('pagehide', saveDraft);
const draft = savedDraft();
if (draft) format.value = draft.format;
text.value = draft ? draft.text : EXAMPLES[format.value] ?? EXAMPLES.argdown;
applyLabels();

init({ module_or_path: new URL('./editor/argmap_editor_bg.wasm', import.meta.url) }).then(
  () => {
    ready = true;
    refresh();
  },
  (error) => {
    status.textContent = `${words().failed}: ${error}`;
    console.error('argmap editor:', error);
  },
);
