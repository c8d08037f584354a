// The static, no-JavaScript fallback of a map, as HTML: the same elements and classes as
// `argmap render` (src/fallback.rs), so one stylesheet (argmap.css, or argmap-fallback.css) styles both;
// tests/engines.rs holds the two to the same DOM.
// Pure: no DOM, no file system. Walks the tree without recursion, so any depth is safe.

const EN = {
  note: 'Static version of an interactive argument map. Open a point to see what supports and attacks it.',
  evidence: "In the sources' own words",
  translation: 'Translation:',
  source: 'Source:',
  readCritically: 'Read critically:',
  comma: ', ',
  side: { open: 'Open', closed: 'Closed', neutral: 'Neutral' },
  relation: { answers: 'Answer', supports: 'Supports', attacks: 'Attacks' },
  flag: {
    'unsourced-figure': 'A figure here is given without a source.',
    'uncited-quote': 'Words here are attributed to someone without a citation.',
    'unnamed-source': 'The source here is not named (an insider, "people familiar").',
    'no-evidence': 'This is asserted without evidence.',
    'who-is-speaking': 'Ask who is speaking here, and why.',
  },
  link: { contradicts: 'Contradicts', agrees: 'Agrees with', supports: 'Supports', 'supported-by': 'Supported by', attacks: 'Attacks', 'attacked-by': 'Attacked by' },
};

const ZH = {
  note: '这是交互式论证图的静态版本。展开任一论点，可看到支持和反驳它的理由。',
  evidence: '原文摘录',
  translation: '译文：',
  source: '出处：',
  readCritically: '阅读提示：',
  comma: '，',
  side: { open: '开放', closed: '封闭', neutral: '中立' },
  relation: { answers: '回答', supports: '支持', attacks: '反驳' },
  flag: { 'unsourced-figure': '此处的数字没有注明出处。', 'uncited-quote': '此处的话归于某人，但没有注明出处。',
    'unnamed-source': '此处的消息来源没有具名（“知情人士”“内部人士”）。', 'no-evidence': '此处只有断言，没有给出证据。',
    'who-is-speaking': '想一想：这里是谁在说话，为什么这样说。' },
  link: { contradicts: '相互矛盾', agrees: '观点一致', supports: '支持', 'supported-by': '受到支持', attacks: '反驳', 'attacked-by': '受到反驳' },
};

/** A cross-link as one of its ends reads it (as `argmap render` names it): a link that supports
 * or attacks reads the other way from its target; unknown relations read as contradicts. */
function linkRelation(link, id) {
  const from = link.from === id;
  switch (link.relation) {
    case 'agrees': return 'agrees';
    case 'supports': return from ? 'supports' : 'supported-by';
    case 'attacks': return from ? 'attacks' : 'attacked-by';
    default: return 'contradicts';
  }
}

/** How deep `<details>` nest before a subtree is listed flat (as the command line does). */
export const MAX_NESTING = 256;

const RELATION_ORDER = { answers: 0, supports: 1, attacks: 2 };

/** `zh` for `zh-Hant`, `en` for `en_GB`. */
const base = (lang) => String(lang).split(/[-_]/)[0].toLowerCase();
const wordsFor = (lang) => (base(lang) === 'zh' ? ZH : EN);

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const langAttr = (lang) => (lang ? ` lang="${escapeHtml(lang)}"` : '');

/**
 * A text in `lang`, else in the first language it has (file order, as the loader keeps it):
 * [string, the lang attribute it needs or undefined]. A plain string is in the map's first language.
 */
function pick(text, lang, firstLanguage) {
  if (text == null) return ['', undefined];
  if (typeof text === 'string') return [text, firstLanguage === lang ? undefined : firstLanguage];
  if (typeof text !== 'object') return [String(text), undefined];
  if (typeof text[lang] === 'string') return [text[lang], undefined];
  for (const [l, t] of Object.entries(text)) if (typeof t === 'string') return [t, l];
  return ['', undefined];
}

const opposite = (side) => ({ open: 'closed', closed: 'open' })[side] ?? side;

const SIDE_ORDER = ['open', 'closed', 'neutral'];
const sideRank = (side) => (SIDE_ORDER.includes(side) ? SIDE_ORDER.indexOf(side) : SIDE_ORDER.length);

/**
 * The map's tree as the widget derives it: children in display order (answers, supports,
 * attacks; file order within each), each node's relation, side and level. Nodes the root does
 * not reach are left out, as in the widget.
 */
function deriveTree(map) {
  const nodes = Array.isArray(map.nodes) ? map.nodes.filter((n) => n && typeof n === 'object' && typeof n.id === 'string') : [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const childrenOf = new Map();
  for (const node of nodes) {
    if (typeof node.parent !== 'string' || node.id === map.root) continue;
    if (!childrenOf.has(node.parent)) childrenOf.set(node.parent, []);
    childrenOf.get(node.parent).push(node);
  }
  const root = byId.get(map.root);
  const derived = new Map();
  if (!root) return { root: undefined, derived, byId };
  derived.set(root.id, { node: root, relation: undefined, side: root.side ?? 'neutral', level: 1, children: [] });
  const queue = [root.id];
  for (let head = 0; head < queue.length; head++) {
    const parent = derived.get(queue[head]);
    const children = (childrenOf.get(parent.node.id) ?? []).filter((c) => !derived.has(c.id));
    const entries = children.map((child) => {
      const relation =
        child.relation in RELATION_ORDER
          ? child.relation
          : parent.node.kind === 'question' || child.kind === 'position'
            ? 'answers'
            : 'supports';
      const side = child.side ?? (relation === 'attacks' ? opposite(parent.side) : parent.side);
      const entry = { node: child, relation, side, level: parent.level + 1, children: [] };
      derived.set(child.id, entry);
      queue.push(child.id);
      return entry;
    });
    entries.sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation]);
    // The root's answers side by side (open, closed, neutral), as `argmap render` writes them.
    if (parent.level === 1) entries.sort((a, b) => sideRank(a.side) - sideRank(b.side));
    parent.children = entries;
  }
  return { root: derived.get(root.id), derived, byId };
}

/** Renders `map` (a parsed argmap/1 object) in `lang` as the fallback's HTML. */
export function renderFallback(map, lang) {
  const languages = Array.isArray(map.languages) ? map.languages : [];
  lang = lang || languages[0] || 'en';
  const first = languages[0];
  const w = wordsFor(lang);
  const text = (t) => pick(t, lang, first);
  const sources = new Map((Array.isArray(map.sources) ? map.sources : []).filter((s) => s && s.id != null).map((s) => [s.id, s]));
  const links = Array.isArray(map.links) ? map.links.filter((l) => l && typeof l === 'object') : [];
  const { root, derived } = deriveTree(map);

  const sideName = (side) => {
    const own = map.sides && typeof map.sides === 'object' ? map.sides[side] : undefined;
    return own != null ? text(own)[0] : (w.side[side] ?? side);
  };

  function line(entry) {
    const { node, relation, side } = entry;
    let out = '';
    if (relation && relation !== 'answers' && node.kind !== 'question') {
      out += `<span class="am-fb-rel" data-relation="${relation}">${escapeHtml(w.relation[relation])}</span> · `;
    }
    if (node.kind !== 'question') {
      out += `<span class="am-fb-side" data-side="${escapeHtml(side)}">${escapeHtml(sideName(side))}</span> · `;
    }
    const [t, tl] = text(node.text);
    return `${out}<span class="am-fb-text"${langAttr(tl)}>${escapeHtml(t)}</span>`;
  }

  function evidenceItem(evidence) {
    const source = sources.get(evidence.source) ?? { id: evidence.source };
    let out = `<li class="am-fb-evidence" data-source="${escapeHtml(source.id ?? '')}">`;
    out += `<blockquote class="am-fb-quote"${langAttr(source.lang)}>${escapeHtml(evidence.quote ?? '')}</blockquote>`;
    if (evidence.translation != null && base(source.lang ?? '') !== base(lang)) {
      const [t, tl] = text(evidence.translation);
      out += `<p class="am-fb-translation"><span class="am-fb-label">${escapeHtml(w.translation)}</span> <span${langAttr(tl)}>${escapeHtml(t)}</span></p>`;
    }
    const [title, titleLang] = text(source.title);
    let cite = `<cite${langAttr(titleLang)}>${escapeHtml(title)}</cite>`;
    if (typeof source.url === 'string' && /^\s*https?:\/\//i.test(source.url)) {
      cite = `<a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${cite}</a>`;
    }
    out += `<p class="am-fb-source"><span class="am-fb-label">${escapeHtml(w.source)}</span> ${cite}`;
    if (source.author != null) out += `${escapeHtml(w.comma)}<span class="am-fb-author">${escapeHtml(source.author)}</span>`;
    if (source.published != null) out += `${escapeHtml(w.comma)}<time class="am-fb-date">${escapeHtml(source.published)}</time>`;
    return `${out}</p></li>`;
  }

  function crossRefs(node) {
    const items = links
      .filter((l) => l.from === node.id || l.to === node.id)
      .map((link) => {
        const other = derived.get(link.from === node.id ? link.to : link.from)?.node;
        const relation = linkRelation(link, node.id);
        const [t, tl] = text(other?.text);
        let note = '';
        if (link.note != null) {
          const [n, nl] = text(link.note);
          note = ` — <span class="am-fb-link-note"${langAttr(nl)}>${escapeHtml(n)}</span>`;
        }
        return `<li class="am-fb-link" data-relation="${relation}" data-other="${escapeHtml(other?.id ?? '')}"><span class="am-fb-label">${escapeHtml(w.link[relation])}</span> <q${langAttr(tl)}>${escapeHtml(t)}</q>${note}</li>`;
      });
    return items.length ? `<ul class="am-fb-links">${items.join('')}</ul>` : '';
  }

  /** A node's opening HTML and the HTML that closes it once its children are written. */
  function open(entry, { isRoot, flat }) {
    const { node } = entry;
    const attrs = `data-node-id="${escapeHtml(node.id)}" data-kind="${escapeHtml(node.kind ?? '')}" data-side="${escapeHtml(entry.side)}" data-level="${entry.level}"`;
    const evidence = Array.isArray(node.evidence) ? node.evidence.filter((e) => e && typeof e === 'object') : [];
    const flags = Array.isArray(node.flags) ? node.flags.map(String) : [];
    const links = crossRefs(node);
    const childrenHere = entry.children.length > 0 && !flat;
    if (!childrenHere && node.detail == null && !evidence.length && !flags.length && !links) {
      return [`<div class="am-fb-node am-fb-leaf" ${attrs}><p class="am-fb-line">${line(entry)}</p></div>`, ''];
    }
    let out = `<details class="am-fb-node" ${attrs}${isRoot ? ' open' : ''}><summary class="am-fb-line">${line(entry)}</summary><div class="am-fb-body">`;
    if (node.detail != null) {
      const [d, dl] = text(node.detail);
      out += `<p class="am-fb-detail"${langAttr(dl)}>${escapeHtml(d)}</p>`;
    }
    if (evidence.length) {
      out += `<p class="am-fb-label">${escapeHtml(w.evidence)}</p><ul class="am-fb-evidence-list">${evidence.map(evidenceItem).join('')}</ul>`;
    }
    if (flags.length) {
      const items = flags.map((f) => `<li data-flag="${escapeHtml(f)}">${escapeHtml(w.flag[f] ?? f)}</li>`).join('');
      out += `<div class="am-fb-flags"><p class="am-fb-label">${escapeHtml(w.readCritically)}</p><ul>${items}</ul></div>`;
    }
    out += links;
    if (!childrenHere) return [`${out}</div></details>`, ''];
    return [`${out}<div class="am-fb-children">`, '</div></div></details>'];
  }

  const [title, titleLang] = text(map.title);
  let out = `<div class="am-fallback" lang="${escapeHtml(lang)}" data-map-id="${escapeHtml(map.id ?? '')}">`;
  out += `<p class="am-fb-title"${langAttr(titleLang)}><strong>${escapeHtml(title)}</strong></p>`;
  if (map.summary != null) {
    const [s, sl] = text(map.summary);
    out += `<p class="am-fb-summary"${langAttr(sl)}>${escapeHtml(s)}</p>`;
  }
  out += `<p class="am-fb-note">${escapeHtml(w.note)}</p>`;
  if (root) {
    // An explicit stack of what to write next: a node to open, or the closing HTML of one.
    const stack = [{ entry: root, isRoot: true, flat: false }];
    while (stack.length) {
      const item = stack.pop();
      if (typeof item === 'string') {
        out += item;
        continue;
      }
      const [opening, closing] = open(item.entry, item);
      out += opening;
      if (!closing) continue;
      stack.push(closing);
      // Below MAX_NESTING the whole subtree is listed flat, depth first, inside this node.
      const flat = item.entry.level >= MAX_NESTING;
      const shown = flat ? descendants(item.entry) : item.entry.children;
      for (let i = shown.length - 1; i >= 0; i--) stack.push({ entry: shown[i], isRoot: false, flat });
    }
  }
  return `${out}</div>`;
}

/** The subtree below `entry`, depth first, without recursion. */
function descendants(entry) {
  const out = [];
  const stack = [...entry.children].reverse();
  while (stack.length) {
    const e = stack.pop();
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return out;
}
