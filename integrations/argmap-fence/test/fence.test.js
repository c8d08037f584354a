import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { parseInfo, renderFallback, renderFence } from '../index.js';

const tea = {
  format: 'argmap/1',
  id: 'tea',
  title: { en: 'Tea or coffee?', zh: '茶还是咖啡？' },
  languages: ['en', 'zh'],
  sides: { open: { en: 'Tea' }, closed: { en: 'Coffee' } },
  sources: [{ id: 's1', title: { zh: '茶经' }, lang: 'zh-Hans', author: '陆羽', url: 'https://example.org/cha' }],
  root: 'q',
  nodes: [
    { id: 'q', kind: 'question', text: { en: 'Tea or coffee?' } },
    { id: 'coffee', parent: 'q', kind: 'position', side: 'closed', text: { en: 'Coffee' } },
    { id: 'tea', parent: 'q', kind: 'position', side: 'open', text: { en: 'Tea <b>' }, detail: { zh: '茶' } },
    { id: 'calm', parent: 'tea', kind: 'claim', relation: 'attacks', text: { en: 'Too calm' } },
    { id: 'old', parent: 'tea', kind: 'claim', text: { en: 'Old' }, flags: ['unsourced-figure', 'mine'],
      evidence: [{ source: 's1', quote: '茶之为用', translation: { en: 'As for the use of tea' } }] },
  ],
  links: [{ from: 'calm', to: 'coffee', relation: 'contradicts' }],
};

const quiet = { warn: () => {}, script: '/a/argmap.js', stylesheet: '/a/argmap-fallback.css' };

test('options after the info string, quoted or bare, and flags without a value', () => {
  assert.deepEqual(parseInfo('argmap lang=en view=map height="30 rem" tour'), { lang: 'en', view: 'map', height: '30 rem', tour: '' });
});

test('the fallback has every node in display order (the root\'s answers side by side) with derived sides, and escapes map text', () => {
  const html = renderFallback(tea, 'en');
  const order = [...html.matchAll(/data-node-id="([^"]+)" data-kind="[^"]*" data-side="([^"]+)" data-level="(\d+)"/g)].map((m) => m.slice(1).join('/'));
  // The root's answers side by side (open first); supports before attacks under "tea"; an
  // attack on the open side is on the closed side.
  assert.deepEqual(order, ['q/neutral/1', 'tea/open/2', 'old/open/3', 'calm/closed/3', 'coffee/closed/2']);
  assert.match(html, /Tea &lt;b&gt;/);
  assert.match(html, /<span class="am-fb-side" data-side="open">Tea<\/span>/, "the map's own side names");
  assert.match(html, /<p class="am-fb-detail" lang="zh">茶<\/p>/, 'a text in another language says so');
  assert.match(html, /<a href="https:\/\/example.org\/cha" rel="noopener noreferrer"><cite lang="zh">茶经<\/cite><\/a>/);
  assert.match(html, /<li data-flag="unsourced-figure">A figure here is given without a source.<\/li><li data-flag="mine">mine<\/li>/);
  assert.match(html, /<li class="am-fb-link" data-relation="contradicts" data-other="coffee">/);
  assert.match(html, /<details class="am-fb-node" data-node-id="q"[^>]* open>/, 'the root starts open');
});

test('a map given inline becomes the element with the map and the fallback, script once per page', () => {
  const page = {};
  const first = renderFence('argmap lang=en view=map', JSON.stringify(tea), { file: 'post.md', line: 3 }, { ...quiet, page });
  assert.deepEqual(first.warnings, []);
  assert.match(first.html, /<script type="module" src="\/a\/argmap.js"><\/script>/);
  assert.match(
    first.html,
    /<argument-map lang="en" view="map"><template shadowrootmode="open"><link rel="stylesheet" href="\/a\/argmap.css"><div class="am-first"><div class="am-fallback" [^]*<\/div><\/template><script type="application\/json">\{[^]*<\/script><\/argument-map>\n$/,
    'the first view (the fallback in a declarative shadow root), then the map in the light DOM',
  );
  const fallback = /<div class="am-first">([^]*)<\/div><\/template>/.exec(first.html)[1];
  assert.equal(fallback, renderFallback(tea, 'en'), 'the fallback inside is unchanged');
  assert.ok(!first.html.includes('<b>'), 'no raw < from the map reaches the page');
  const second = renderFence('argmap', JSON.stringify(tea), {}, { ...quiet, page });
  assert.ok(!second.html.includes('argmap.js'), 'the module script is written once per page');
});

test('the first view links argmap.css: the css option, else beside the script', () => {
  const href = (options) => /<template shadowrootmode="open"><link rel="stylesheet" href="([^"]*)">/.exec(renderFence('argmap', JSON.stringify(tea), {}, { warn: () => {}, ...options }).html)?.[1];
  assert.equal(href({}), '/argmap/argmap.css');
  assert.equal(href({ script: '/static/am/argmap.js?v=3' }), '/static/am/argmap.css');
  assert.equal(href({ script: 'argmap.js' }), 'argmap.css');
  assert.equal(href({ script: false }), '/argmap/argmap.css');
  assert.equal(href({ script: false, css: '/x/y.css?a&b' }), '/x/y.css?a&amp;b');
  assert.equal(href({ script: '/a/argmap.js', css: 'https://cdn.example/argmap.css' }), 'https://cdn.example/argmap.css');
});

test('src: reads the file at build time and inlines it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-fence-'));
  writeFileSync(join(dir, 'tea.json'), JSON.stringify(tea));
  const { html, warnings } = renderFence('argmap', 'src: /tea.json', { file: join(dir, 'post.md'), line: 1 }, { ...quiet, root: dir });
  assert.deepEqual(warnings, []);
  assert.ok(!html.includes(' src="/tea.json"'));
  assert.match(html, /data-map-id="tea"/);
  const relative = renderFence('argmap', 'src: tea.json', { file: join(dir, 'post.md') }, { ...quiet, inline: false });
  assert.match(relative.html, /<argument-map src="tea.json">/, 'inline=false keeps the src');
  assert.match(relative.html, /data-map-id="tea"/, 'and still renders the fallback');
});

test('bad input warns with the file and line and still gives the page an element', () => {
  const missing = renderFence('argmap', 'src: /nope.json', { file: 'posts/a.md', line: 7 }, { ...quiet, root: tmpdir() });
  assert.match(missing.warnings[0], /^posts\/a.md:7: argmap: cannot read the map "\/nope.json"/);
  assert.match(missing.html, /<argument-map src="\/nope.json">/, 'the widget loads it and shows its alert');

  const broken = renderFence('argmap', '{"format": "argmap/1",\n  "id": }', { file: 'posts/a.md', line: 9 }, quiet);
  assert.match(broken.warnings[0], /^posts\/a.md:9: argmap: not valid JSON at line 2, column 9/);
  assert.match(broken.html, /<script type="application\/json">\{"format"/, 'the text goes to the widget, which shows the alert');

  assert.ok(!broken.html.includes('<template'), 'no first view without a map');

  const empty = renderFence('argmap', '\n', { file: 'posts/a.md', line: 11 }, quiet);
  assert.match(empty.warnings[0], /^posts\/a.md:11: argmap: empty fence/);
  assert.match(empty.html, /<argument-map><p class="am-fb-problem" role="alert">argmap: No map was given here.<\/p><\/argument-map>/, 'the note stays in the light DOM');

  const unknown = renderFence('argmap colour=red', 'hello', { file: 'p.md', line: 1 }, quiet);
  assert.equal(unknown.warnings.length, 2, unknown.warnings.join('\n'));

  const notAMap = renderFence('argmap', '{"format": "argmap/2"}', { file: 'p.md', line: 1 }, quiet);
  assert.match(notAMap.warnings[0], /"format" is "argmap\/2"/);
  assert.ok(!notAMap.html.includes('am-fallback'));
  assert.ok(!notAMap.html.includes('<template'));
});

test('text that would end the script is escaped in the inline JSON', () => {
  const map = structuredClone(tea);
  map.nodes[1].text.en = '</script><script>alert(1)</script>';
  const { html } = renderFence('argmap', JSON.stringify(map), {}, quiet);
  assert.equal(html.match(/<\/script>/g).length, 2, 'only the module script and the JSON script close');
  const json = /<script type="application\/json">(.*?)<\/script>/s.exec(html)[1];
  assert.equal(JSON.parse(json).nodes[1].text.en, map.nodes[1].text.en, 'the JSON still reads the same');
});

test('a 20,000-level chain renders without recursion, flat below 256 levels', () => {
  const nodes = [{ id: 'n0', kind: 'question', text: 'root' }];
  for (let i = 1; i < 20000; i++) nodes.push({ id: `n${i}`, parent: `n${i - 1}`, kind: 'claim', text: `level ${i}` });
  const html = renderFallback({ format: 'argmap/1', id: 'deep', title: 'deep', languages: ['en'], root: 'n0', nodes }, 'en');
  assert.equal(html.match(/data-node-id=/g).length, 20000);
  assert.equal(html.match(/<details/g).length, 256, 'details nest 256 deep, the rest is listed flat');
  assert.match(html, /data-node-id="n19999" data-kind="claim" data-side="neutral" data-level="20000"/);
});
