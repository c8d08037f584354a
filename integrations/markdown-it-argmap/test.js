import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import MarkdownIt from 'markdown-it';

import argmap from './index.js';

const map = { format: 'argmap/1', id: 'm', title: 'T', languages: ['en'], root: 'q', nodes: [{ id: 'q', kind: 'question', text: 'Q?' }] };

test('an argmap fence becomes the element; other fences stay code', () => {
  const md = new MarkdownIt().use(argmap, { warn: () => {} });
  const html = md.render(`# Post\n\n\`\`\`argmap lang=en\n${JSON.stringify(map)}\n\`\`\`\n\n\`\`\`js\nlet x;\n\`\`\`\n`);
  assert.match(html, /<argument-map lang="en"><template shadowrootmode="open"><link rel="stylesheet" href="\/argmap\/argmap.css"><div class="am-first"><div class="am-fallback"/);
  assert.match(html, /data-map-id="m"/);
  assert.match(html, /<\/template><script type="application\/json">/);
  assert.match(html, /<pre><code class="language-js">let x;/);
  assert.equal(html.match(/argmap\.js/g).length, 1);
});

test('warnings give the file and its line, counting the front matter the host strips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-argmap-'));
  const file = join(dir, 'post.md');
  const body = 'Text\n\n```argmap\nsrc: /missing.json\n```\n';
  writeFileSync(file, `---\ntitle: x\n---\n${body}`);
  const warnings = [];
  const md = new MarkdownIt().use(argmap, { warn: (w) => warnings.push(w), root: dir });
  const html = md.render(body, { page: { inputPath: file } });
  assert.deepEqual(warnings.length, 1);
  assert.ok(warnings[0].startsWith(`${file}:6: argmap: cannot read the map "/missing.json"`), warnings[0]);
  assert.match(html, /<argument-map src="\/missing.json">/);
});
