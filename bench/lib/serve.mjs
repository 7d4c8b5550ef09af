// A small static file server for the browser benchmark, the same for both sites so that
// neither gets a head start: it sends a file's precompressed .br/.gz copy when there is one
// (cjg publishes those, as nginx `brotli_static`/`gzip_static` would send them), and
// otherwise compresses text, scripts and WASM itself at the highest level, once per file
// (what a deploy with precompressed files gives Hugo's and Pagefind's files).
// Pagefind's own index, fragments and WASM (.pf_*, .pagefind) are gzip files already and are
// sent as they are. Caching is what a careful deploy of either tool gives: a file whose name
// holds a content hash (cjg's `/assets/name.<16 hex>.ext`, Pagefind's `nl_<hex>.pf_index`) may be
// kept a year (the README's advice for `/assets/`), every other file is revalidated on each use
// (`no-cache` with an ETag, answered 304 when unchanged). Cold loads use a fresh browser context,
// so nothing is cached for them.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};
/** A name with a content hash in it: `zoekindex.53ea77798000af7a.bin`, `nl_2a34cec.pf_index`. */
const HASHED = /[._][0-9a-f]{7,}[.][a-z_]+$/;
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.wasm', '.svg', '.xml', '.txt']);

async function exists(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves `root` on 127.0.0.1 (a free port); resolves to { url, close }. */
export function serve(root) {
  const compressed = new Map(); // path + encoding → bytes
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (path.endsWith('/')) file = join(file, 'index.html');
      else if (!(await exists(file)) && (await exists(join(file, 'index.html')))) file = join(file, 'index.html');
      let status = 200;
      if (!(await exists(file))) {
        status = 404;
        file = join(root, '404.html');
        if (!(await exists(file))) {
          res.writeHead(404).end();
          return;
        }
      }
      const ext = extname(file);
      const accepts = req.headers['accept-encoding'] ?? '';
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      let body;
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!body && accepts.includes(encoding) && (await exists(file + suffix))) {
          body = await readFile(file + suffix);
          headers['Content-Encoding'] = encoding;
        }
      }
      if (!body && COMPRESSIBLE.has(ext) && /\b(br|gzip)\b/.test(accepts)) {
        const encoding = accepts.includes('br') ? 'br' : 'gzip';
        const key = `${file}\0${encoding}`;
        if (!compressed.has(key)) {
          const raw = await readFile(file);
          compressed.set(key, encoding === 'br'
            ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            : gzipSync(raw, { level: 9 }));
        }
        body = compressed.get(key);
        headers['Content-Encoding'] = encoding;
      }
      body ??= await readFile(file);
      headers.ETag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (status === 200 && req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, { 'Cache-Control': headers['Cache-Control'], ETag: headers.ETag, Vary: headers.Vary }).end();
        return;
      }
      headers['Content-Length'] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
