// remark plugin: ```argmap fences become <argument-map> elements with the map inline and the
// static fallback (see argmap-fence), as raw HTML nodes. Astro, Docusaurus and any unified
// pipeline (with remark-rehype, pass allowDangerousHtml and use rehype-raw or
// rehype-stringify's allowDangerousHtml, as for any raw HTML):
//
//   .use(remarkArgmap, { script: '/argmap/argmap.js', stylesheet: '/argmap/argmap-fallback.css', root: 'public' })
//
// Warnings name the file (vfile path) and line, go to the console and onto the file's messages.
import { renderFence } from 'argmap-fence';

export default function remarkArgmap(options = {}) {
  return (tree, file) => {
    const page = {};
    // Walk iteratively: a deeply nested document must not exhaust the stack.
    const stack = [tree];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node.children)) {
        for (const child of node.children) stack.push(child);
      }
      if (node.type !== 'code' || node.lang !== 'argmap') continue;
      const where = { file: file?.path, line: node.position?.start?.line };
      const warn = (message) => {
        (options.warn ?? console.warn)(message);
        file?.message?.(message.replace(/^.*?: argmap: /, 'argmap: '), node);
      };
      const { html } = renderFence(`argmap ${node.meta ?? ''}`, node.value, where, { ...options, page, warn });
      node.type = 'html';
      node.value = html;
      delete node.lang;
      delete node.meta;
    }
  };
}
