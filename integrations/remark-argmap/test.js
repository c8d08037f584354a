import assert from 'node:assert/strict';
import { test } from 'node:test';

import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

import remarkArgmap from './index.js';

const map = { format: 'argmap/1', id: 'm', title: 'T', languages: ['en'], root: 'q', nodes: [{ id: 'q', kind: 'question', text: 'Q?' }] };

function render(markdown, options = {}) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkArgmap, { warn: () => {}, ...options })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const file = processor.processSync({ path: 'posts/p.md', value: markdown });
  return { html: String(file), messages: file.messages };
}

test('an argmap fence becomes the element with its fallback; other code stays code', () => {
  const { html, messages } = render(`Hi\n\n\`\`\`argmap lang=en theme=dark\n${JSON.stringify(map)}\n\`\`\`\n\n\`\`\`js\nx\n\`\`\`\n`);
  assert.deepEqual(messages, []);
  assert.match(html, /<argument-map lang="en" theme="dark"><template shadowrootmode="open"><link rel="stylesheet" href="\/argmap\/argmap.css"><div class="am-first"><div class="am-fallback"/);
  assert.match(html, /data-map-id="m"/);
  assert.match(html, /<\/template><script type="application\/json">/);
  assert.match(html, /<code class="language-js">x/);
});

test('a broken fence warns with the file and line, on the console and the vfile', () => {
  const warnings = [];
  const { html, messages } = render('Hi\n\n```argmap\n{"format": \n```\n', { warn: (w) => warnings.push(w) });
  assert.match(warnings[0], /^posts\/p.md:3: argmap: not valid JSON/);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].line, 3);
  assert.match(html, /<argument-map><script type="application\/json">\{"format":/);
});
