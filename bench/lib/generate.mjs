// Seeded synthetic argument maps: the same tree as an argmap/1 map (valid per docs/format.md)
// and as a Markmap tree (markmap-view's INode shape), so both tools show exactly the same nodes
// in the same order. Mixed Chinese and English text; depth varies from 2 to `maxDepth`.
//
//   node bench/lib/generate.mjs OUT_DIR [SIZE…]     (default sizes 100 1000 5000 20000)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = [100, 1000, 5000, 20000];

/** mulberry32: small, fast, and the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = ['开源', '闭源', '模型', '成本', '安全', '监管', '算力', '数据', '社区', '商业化', '透明度', '风险', '创新',
  '生态', '开发者', '权重', '推理', '训练', '用户', '竞争', '芯片', '论文', '许可证', '中国', '美国', '市场', '价格'];
const ZH_GLUE = ['会', '不会', '让', '降低了', '提高了', '取决于', '削弱了', '推动了', '并不等于', '也需要'];
const EN = ['open weights', 'closed models', 'the cost of training', 'safety research', 'regulators', 'compute',
  'the community', 'licences', 'inference prices', 'developers', 'start-ups', 'chip exports', 'benchmarks',
  'the market', 'transparency', 'misuse', 'innovation', 'DeepSeek', 'R1', 'the lab'];
const EN_GLUE = ['lowers', 'raises', 'depends on', 'undermines', 'speeds up', 'is not the same as', 'needs', 'protects'];

function sentence(r, lang, words) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  if (lang === 'zh') {
    let s = '';
    for (let i = 0; i < words; i++) s += pick(ZH) + (i + 1 < words ? pick(ZH_GLUE) : '');
    return s + (r() < 0.3 ? '？' : '。');
  }
  let s = '';
  for (let i = 0; i < words; i++) s += (i ? ' ' + pick(EN_GLUE) + ' ' : '') + pick(EN);
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.3 ? '?' : '.');
}

/** A text in zh, en or both (4 : 3 : 3), so the reader sees a mix whatever language they pick. */
function text(r, words) {
  const u = r();
  const t = {};
  if (u < 0.7) t.zh = sentence(r, 'zh', words);
  if (u >= 0.4) t.en = sentence(r, 'en', words);
  return t;
}

const RANK = { answers: 0, supports: 1, attacks: 2 };
const SIDE_WORD = { open: 'Open', closed: 'Closed', neutral: 'Neutral' };
const REL_WORD = { answers: 'Answers', supports: 'Supports', attacks: 'Attacks' };

/**
 * One synthetic map of `size` nodes. Returns { argmap, markmap, info }: `info` names the node
 * the benchmark expands and what each view should show.
 */
export function generate(size, seed = 0xa11ce + size) {
  const r = rng(seed);
  const maxDepth = Math.max(6, Math.round(4 * Math.log10(size)) + 2); // 100: 10, 1k: 14, 5k: 17, 20k: 19
  const sources = Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    title: text(r, 2),
    author: r() < 0.5 ? '作者 ' + i : `Author ${i}`,
    published: `2025-0${1 + (i % 9)}-1${i % 10}`,
    url: `https://example.org/article/${i}`,
    lang: i % 3 ? 'zh-Hans' : 'en',
  }));
  const nodes = [{ id: 'q', kind: 'question', text: { zh: '开源还是闭源？', en: 'Open or closed?' } }];
  const depth = [1];
  const side = ['neutral'];
  const byDepth = [[], [0]]; // byDepth[d]: indices of nodes at depth d
  const positions = Math.min(8, 2 + Math.round(Math.log10(size)));
  const positionSides = ['open', 'closed', 'neutral'];
  for (let i = 0; i < positions && nodes.length < size; i++) {
    const s = positionSides[i % 3];
    nodes.push({ id: `p${i}`, parent: 'q', kind: 'position', relation: 'answers', side: s, text: text(r, 3),
      detail: text(r, 8) });
    depth.push(2); side.push(s);
    (byDepth[2] ??= []).push(nodes.length - 1);
  }
  while (nodes.length < size) {
    // Depth: mostly shallow, with a long tail down to maxDepth.
    let d = Math.min(maxDepth, 3 + Math.floor(-Math.log(1 - r()) * 2.2));
    while (!byDepth[d - 1]?.length) d--;
    const candidates = byDepth[d - 1];
    // Prefer recent parents a little, so some branches are bushy and others thin.
    const p = candidates[Math.floor(candidates.length * Math.pow(r(), 0.7))];
    const i = nodes.length;
    const relation = r() < 0.6 ? 'supports' : 'attacks';
    const node = { id: `n${i}`, parent: nodes[p].id, kind: 'claim', relation, text: text(r, 2 + Math.floor(r() * 4)) };
    let s = relation === 'attacks' ? ({ open: 'closed', closed: 'open', neutral: 'neutral' })[side[p]] : side[p];
    if (r() < 0.05) {
      s = positionSides[Math.floor(r() * 3)];
      node.side = s;
    }
    if (r() < 0.2) node.detail = text(r, 10);
    if (r() < 0.15) {
      node.evidence = Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
        const src = sources[Math.floor(r() * sources.length)];
        const quote = sentence(r, src.lang === 'en' ? 'en' : 'zh', 6);
        return src.lang === 'en' ? { source: src.id, quote } : { source: src.id, quote, translation: { en: sentence(r, 'en', 5) } };
      });
    }
    if (r() < 0.03) node.flags = [r() < 0.5 ? 'unsourced-figure' : 'uncited-quote'];
    nodes.push(node);
    depth.push(d); side.push(s);
    (byDepth[d] ??= []).push(i);
  }
  const links = [];
  for (let k = 0; k < Math.floor(size / 50); k++) {
    const a = 1 + Math.floor(r() * (size - 1));
    const b = 1 + Math.floor(r() * (size - 1));
    if (a !== b) links.push({ from: nodes[a].id, to: nodes[b].id, relation: r() < 0.7 ? 'contradicts' : 'agrees', note: text(r, 4) });
  }
  const tour = [1, 2, Math.floor(size / 2), size - 1].filter((i, k, all) => i < size && all.indexOf(i) === k)
    .map((i) => ({ node: nodes[i].id, note: text(r, 5) }));

  const argmap = {
    format: 'argmap/1', id: `bench-${size}`,
    title: { zh: `合成论证图（${size} 个节点）`, en: `Synthetic map (${size} nodes)` },
    summary: { zh: '基准测试用的合成数据。', en: 'Synthetic data for the benchmark.' },
    languages: ['zh', 'en'], sources, root: 'q', nodes, links, tour,
  };

  // Children in argmap's display order: answers, supports, attacks; file order within each.
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const children = nodes.map(() => []);
  nodes.forEach((n, i) => { if (i) children[index.get(n.parent)].push(i); });
  children.forEach((c) => c.sort((a, b) => RANK[nodes[a].relation] - RANK[nodes[b].relation] || a - b));

  // The same tree for Markmap, with the text argmap shows in English (else the fallback, zh),
  // after the same relation and side words a row shows. Everything below the root's children
  // starts folded, as argmap opens: the root and its children.
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const label = (i) => {
    const n = nodes[i];
    const words = i ? `${REL_WORD[n.relation]} · ${SIDE_WORD[side[i]]}: ` : '';
    return escape(words + (n.text.en ?? n.text.zh));
  };
  const mm = nodes.map((n, i) => ({ content: label(i), children: [], payload: { id: n.id } }));
  // Built bottom-up without recursion (20,000 nodes may be deep).
  for (let i = 0; i < nodes.length; i++) {
    mm[i].children = children[i].map((c) => mm[c]);
    if (i !== 0 && children[i].length) mm[i].payload.fold = 1;
  }
  const markmap = mm[0];

  const target = children[0].find((c) => children[c].length > 0);
  const descendants = (i) => { let n = 0; const todo = [...children[i]]; while (todo.length) { const c = todo.pop(); n++; todo.push(...children[c]); } return n; };
  const info = {
    size,
    seed,
    maxDepth: Math.max(...depth),
    meanDepth: Number((depth.reduce((a, b) => a + b, 0) / size).toFixed(2)),
    zhOnly: nodes.filter((n) => n.text.zh && !n.text.en).length,
    enOnly: nodes.filter((n) => n.text.en && !n.text.zh).length,
    both: nodes.filter((n) => n.text.en && n.text.zh).length,
    links: links.length,
    /** What each view shows first: the root and its children. */
    initialVisible: 1 + children[0].length,
    /** The node the one-node-expand step opens: the first position that has children. */
    expandTarget: nodes[target].id,
    expandChildren: children[target].map((c) => nodes[c].id),
    expandTargetDescendants: descendants(target),
    /** The row after it once it is closed again: the next of the root's children. */
    expandTargetNext: nodes[children[0][children[0].indexOf(target) + 1]]?.id ?? null,
  };
  return { argmap, markmap, info };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out = 'bench/.work/maps', ...sizes] = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  const all = {};
  for (const size of sizes.length ? sizes.map(Number) : SIZES) {
    const { argmap, markmap, info } = generate(size);
    writeFileSync(join(out, `argmap-${size}.json`), JSON.stringify(argmap, null, 1));
    writeFileSync(join(out, `markmap-${size}.json`), JSON.stringify(markmap));
    all[size] = info;
    console.log(`map ${size}: depth ≤ ${info.maxDepth} (mean ${info.meanDepth}), zh only ${info.zhOnly}, en only ${info.enOnly}, both ${info.both}; expand ${info.expandTarget} (${info.expandChildren.length} children)`);
  }
  writeFileSync(join(out, 'info.json'), JSON.stringify(all, null, 1));
}
