// A static server on 127.0.0.1 for the benchmark: no compression (sizes are measured apart),
// no caching, one route table. Returns { base, close }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
};

/** routes: { '/prefix/': '/dir/on/disk' } or { '/exact/path.js': '/file/on/disk.js' } */
export function serve(routes) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    for (const [prefix, target] of Object.entries(routes)) {
      if (path === prefix) { file = target; break; }
      if (prefix.endsWith('/') && path.startsWith(prefix)) {
        const rest = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
        file = join(target, rest || 'index.html');
        if (!resolve(file).startsWith(resolve(target))) file = undefined;
        break;
      }
    }
    try {
      if (!file) throw new Error('no route');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      ok({ base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
    });
  });
}
