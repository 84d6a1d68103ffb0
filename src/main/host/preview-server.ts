import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Transport } from '../../shared/contract/client';
import { IMPORT_MAX_FILE_BYTES } from '../../shared/contract/data';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The largest request body: the largest legitimate call is an import upload, a file of up to 50 MB sent as
 * base64 in JSON (4/3 of it), plus a few MB for the rest of the call (mapping, defaults, pasted rows).
 */
export const MAX_BODY_BYTES = Math.ceil((IMPORT_MAX_FILE_BYTES * 4) / 3) + 4 * 1024 * 1024;
const TOO_LARGE = `请求内容过大（超过 ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB），没有处理；导入的文件不能超过 ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB`;

class TooLarge extends Error {}

/** On close, how long a call still being answered may take before its connection is cut (the app is quitting). */
const CLOSE_GRACE_MS = 1_000;

export interface PreviewServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The browser preview: the built renderer and the handler map (through `invoke`, the data host), on
 * 127.0.0.1 only. Local only, also against a web page that rebinds its DNS name to 127.0.0.1: a request is
 * answered only when its Host is 127.0.0.1:<port> or localhost:<port>; an API call must carry the random
 * per-launch token, which only the served page knows, and is refused when it comes from a foreign Origin;
 * request bodies are limited (413).
 */
export async function startPreviewServer(
  invoke: Transport,
  opts: { rendererDir: string; port?: number; token?: string },
): Promise<PreviewServer> {
  const root = resolve(opts.rendererDir);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`找不到界面文件 ${indexPath}，请先运行 npm run build`);
  }
  const token = opts.token ?? randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const indexHtml = readFileSync(indexPath, 'utf8').replace(
    '<head>',
    `<head>\n    <meta name="funddesk-token" content="${token}" />`,
  );

  let closing = false;
  const server = createServer((req, res) => {
    // Quitting: each connection ends after its answer. The page polls (audit.since every few seconds) over
    // keep-alive connections that would otherwise never go idle, and close() would wait for them for good.
    if (closing) res.setHeader('connection', 'close');
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`服务器内部错误：${(e as Error).message}`);
    });
  });

  let hosts: Set<string> = new Set();
  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return res.end('只接受本机地址（127.0.0.1 或 localhost）的访问');
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'bad_request', message: '只接受 POST' } });
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.has(originHost(origin))) {
        return send(res, 403, {
          ok: false,
          error: { code: 'bad_request', message: '拒绝来自其他网页的调用' },
        });
      }
      const given = Buffer.from(String(req.headers['x-funddesk-token'] ?? ''));
      if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
        return send(res, 403, { ok: false, error: { code: 'bad_request', message: '访问令牌无效' } });
      }
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (e) {
        if (!(e instanceof TooLarge)) throw e;
        return send(res, 413, { ok: false, error: { code: 'bad_request', message: TOO_LARGE } });
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return send(res, 400, {
          ok: false,
          error: { code: 'bad_request', message: '请求内容不是有效的 JSON' },
        });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return send(res, 200, await invoke(channel, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      return res.end();
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = resolve(root, rel);
    if (
      rel === '' ||
      rel === 'index.html' ||
      !file.startsWith(root + sep) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      return res.end(indexHtml);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  }

  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    server,
    close: () =>
      new Promise((ok) => {
        closing = true;
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          ok();
        });
        server.closeIdleConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The host:port of an Origin header ('' when it is not an http origin). */
function originHost(origin: string): string {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' ? u.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

/**
 * The body, or TooLarge when it (or its declared length) passes MAX_BODY_BYTES. An oversize body is read
 * to its end and dropped (never kept in memory), so that the client receives the 413 instead of a reset.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => (over ? bad(new TooLarge()) : ok(Buffer.concat(chunks))));
    req.on('error', bad);
  });
}
