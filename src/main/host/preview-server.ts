import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dispatch, type HandlerContext } from '../handlers';

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

const MAX_BODY = 256 * 1024 * 1024;

export interface PreviewServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The browser preview: the built renderer and the same handler map, on 127.0.0.1 only. Every API call
 * must carry the random per-launch token, which only the served page knows.
 */
export async function startPreviewServer(
  ctx: HandlerContext,
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

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`服务器内部错误：${(e as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'bad_request', message: '只接受 POST' } });
      const given = Buffer.from(String(req.headers['x-funddesk-token'] ?? ''));
      if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
        return send(res, 403, { ok: false, error: { code: 'bad_request', message: '访问令牌无效' } });
      }
      const body = await readBody(req);
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
      return send(res, 200, await dispatch(ctx, channel, input));
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
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        bad(new Error('请求过大'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', bad);
  });
}
