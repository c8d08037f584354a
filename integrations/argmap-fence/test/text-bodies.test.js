// Argdown and Markdown-outline bodies, read at build time by the editor's wasm. Needs a build
// (`trunk build --release --offline` writes dist/editor/; scripts/test does it first).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { renderFence } from '../index.js';

const editor = fileURLToPath(new URL('../../../dist/editor/', import.meta.url));
const quiet = { warn: () => {}, script: '/a/argmap.js', stylesheet: false, editor };

const debate = `===
title: Phones in class
===

[Ban]: Schools should ban phones. {side: closed}
  + <Focus>: Phones distract.

[Allow]: Schools should allow phones. {side: open}
`;

test('the editor wasm is built (else every test below would only prove it is missing)', () => {
  assert.ok(existsSync(`${editor}/argmap_editor_bg.wasm`), `no ${editor}: build first (trunk build --release --offline)`);
});

test('an Argdown body becomes the element with the map as JSON and its fallback', () => {
  const { html, warnings } = renderFence('argmap format=argdown lang=en', debate, { file: 'post.md', line: 4 }, quiet);
  assert.deepEqual(warnings, []);
  const json = /<script type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  const map = JSON.parse(json);
  assert.equal(map.format, 'argmap/1');
  assert.deepEqual(map.nodes.map((n) => n.id).sort(), ['Allow', 'Ban', 'Focus', 'root'].sort());
  assert.match(html, /<template shadowrootmode="open"><link rel="stylesheet" href="\/a\/argmap.css"><div class="am-first"><div class="am-fallback"/, 'the static fallback is there, as the first view');
  assert.match(html, /Phones distract\./);
});

test('a Markdown outline body becomes a map', () => {
  const body = '# Tea or coffee?\n\n- [tea]: Tea {side: open}\n  - Pro: It calms.\n- [coffee]: Coffee {side: closed}\n';
  const { html, warnings } = renderFence('argmap format=markdown', body, {}, quiet);
  assert.deepEqual(warnings, []);
  assert.match(html, /"id":"coffee"/);
});

test('an error in the text warns with its line in the Markdown file and inlines no map', () => {
  const broken = '[Ban]: Schools should ban phones. {side: closed}\n  + [Focus: no closing bracket\n';
  const { html, warnings } = renderFence('argmap format=argdown', broken, { file: 'posts/a.md', line: 10 }, quiet);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /^posts\/a.md:10: argmap: line 12, column 5: error: unterminated title/);
  assert.ok(!html.includes('application/json'), 'no broken map for the widget');
  assert.match(html, /role="alert">argmap: This map could not be read./);
});

test('without the editor folder an Argdown body is a warning that says what to give', () => {
  const saved = process.env.ARGMAP_EDITOR;
  delete process.env.ARGMAP_EDITOR;
  try {
    const { warnings } = renderFence('argmap format=argdown', debate, { file: 'p.md', line: 1 }, { ...quiet, editor: undefined });
    assert.match(warnings[0], /give the `editor` option/);
    const missing = renderFence('argmap format=argdown', debate, { file: 'p.md', line: 1 }, { ...quiet, editor: '/no/such/folder' });
    assert.match(missing.warnings[0], /cannot load the editor's wasm from \/no\/such\/folder/);
  } finally {
    if (saved !== undefined) process.env.ARGMAP_EDITOR = saved;
  }
});
