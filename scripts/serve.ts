// A static server on 127.0.0.1 for `npm start` and the end-to-end tests: the bundled sample article
// (public/sample) under /sample/, corpus pages under /corpus/<name>/ (when ../shared/corpus
// exists), the test pages (test/fixtures/pages) under /fixtures/<file>, the hostile pages
// (test/fixtures/hostile) under /hostile/<file>, and an index at /. Pages are served as UTF-8 (the header beats a
// stale meta).

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { readdirSync } from 'node:fs';
import { FIXTURES, PAGES, READABILITY, ROOT } from '../test/helpers/corpus';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  /** every request served, in order: path with query, and the cookies it carried */
  requests: Array<{ path: string; cookie: string }>;
  close(): Promise<void>;
}

/** Extra routes: path (with its query, or without to match any) → [content type, body, status]. */
export type Routes = Record<string, [string, string | Uint8Array, number?]>;

export async function startServer(routes: Routes = {}): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push({ path: path + url.search, cookie: req.headers.cookie ?? '' });
    try {
      if (path === '/') {
        const links = ['<li><a href="/sample/article.html">sample/article.html</a> (the bundled sample)</li>']
          .concat(readdirSync(PAGES).filter((f) => f.endsWith('.html')).map((f) => `<li><a href="/fixtures/${f}">${f}</a></li>`))
          .join('');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<!doctype html><meta charset="utf-8"><title>Jingdu samples</title><h1>Jingdu sample pages</h1><ul>${links}</ul>`);
      }
      const route = routes[path + url.search] ?? routes[path];
      if (route) {
        res.writeHead(route[2] ?? 200, { 'content-type': route[0] });
        return res.end(route[1]);
      }
      let file: string | null = null;
      const corpus = /^\/corpus\/([\w-]+)\/?$/.exec(path);
      if (corpus) file = join(READABILITY, corpus[1], 'source.html');
      else if (path.startsWith('/fixtures/')) file = join(PAGES, normalize(path.slice('/fixtures/'.length)).replace(/^(\.\.[/\\])+/, ''));
      else if (path.startsWith('/hostile/')) file = join(FIXTURES, normalize(path.slice(1)).replace(/^(\.\.[/\\])+/, ''));
      else if (path.startsWith('/sample/')) file = join(ROOT, 'public', normalize(path.slice(1)).replace(/^(\.\.[/\\])+/, ''));
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
