// markdown-it plugin: ```argmap fences become <argument-map> elements with the map inline and
// the static fallback (see argmap-fence). Eleventy, VitePress and any markdown-it host:
//
//   md.use(argmap, { script: '/argmap/argmap.js', stylesheet: '/argmap/argmap-fallback.css', root: 'src' })
//
// Warnings name the Markdown file and line when the host says which file it renders
// (Eleventy: env.page.inputPath; VitePress: env.path; else options.file or env.file).
import { readFileSync } from 'node:fs';

import { renderFence } from 'argmap-fence';

export default function markdownItArgmap(md, options = {}) {
  const fallbackFence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, renderOptions, env, self) => {
    const token = tokens[idx];
    const info = token.info.trim();
    if (info.split(/\s+/)[0] !== 'argmap') {
      return fallbackFence ? fallbackFence(tokens, idx, renderOptions, env, self) : self.renderToken(tokens, idx, renderOptions);
    }
    const file = env?.page?.inputPath ?? env?.path ?? env?.file ?? options.file;
    // markdown-it counts from 0, and hosts strip the front matter before it sees the text.
    const line = token.map ? token.map[0] + 1 + frontMatterLines(file) : undefined;
    env = env ?? {};
    env.argmap ??= {};
    return renderFence(info, token.content, { file, line }, { ...options, page: env.argmap }).html;
  };
}

const frontMatterCache = new Map();

/** How many lines a file's front matter (`---` … `---`) takes, 0 if none or unreadable. */
function frontMatterLines(file) {
  if (!file) return 0;
  if (!frontMatterCache.has(file)) {
    let count = 0;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines[0].trim() === '---') {
        const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
        if (end > 0) count = end + 1;
      }
    } catch {
      count = 0;
    }
    frontMatterCache.set(file, count);
  }
  return frontMatterCache.get(file);
}
