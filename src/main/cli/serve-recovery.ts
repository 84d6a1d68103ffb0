import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackupItem } from '../../shared/contract/data';
import { listBackupFiles } from '../services/backup/backup';
import { backupDirOfDamaged } from '../services/backup/recover';
import { checkBackup, restoreFile } from '../services/backup/restore';

/**
 * The browser preview's error screen for a database that cannot be opened because it is damaged: a page on
 * 127.0.0.1 (per-launch token, as the preview) saying what is wrong and listing the backups that pass the
 * checks a restore makes, each with a button that restores it (restoreFile: the damaged file is kept aside).
 * Resolves true once a backup is in place (the caller then opens the database and serves the app on the same
 * port; the page reloads into it), false when the process is stopped.
 */

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function goodBackups(dbPath: string, limit = 5): Promise<BackupItem[]> {
  const good: BackupItem[] = [];
  for (const item of listBackupFiles(backupDirOfDamaged(dbPath), dbPath).slice(0, 20)) {
    if (good.length >= limit) break;
    if (
      await checkBackup(item.path).then(
        () => true,
        () => false,
      )
    )
      good.push(item);
  }
  return good;
}

function page(dbPath: string, problem: string, items: BackupItem[], token: string, note = '') {
  const rows = items
    .map(
      (b) =>
        `<tr><td>${esc(new Date(b.createdAt).toLocaleString('zh-CN'))}</td><td>${esc(b.reasonLabel)}</td><td>${(b.sizeBytes / 1024 / 1024).toFixed(1)} MB</td><td><form method="post" action="/restore"><input type="hidden" name="token" value="${token}"><input type="hidden" name="file" value="${esc(b.file)}"><button type="submit">从这份备份恢复</button></form></td></tr>`,
    )
    .join('');
  const list = items.length
    ? `<table><tr><th>备份时间</th><th>类型</th><th>大小</th><th></th></tr>${rows}</table><p class="hint">恢复后，损坏的文件会改名保留在原文件夹中，不会被删除。</p>`
    : '<p>没有找到可用的备份。可在命令行中用 <code>funddesk restore --db 数据库 --from 备份文件</code> 从其他位置的备份恢复。</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>FundDesk 数据库已损坏</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:40px;color:#222;max-width:960px}h1{color:#c0392b;font-size:22px}
table{border-collapse:collapse;margin:16px 0}td,th{border-bottom:1px solid #eee;padding:8px 16px;text-align:left}
button{background:#1f5fbf;color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer}.hint{color:#666}
.note{background:#fff7e6;border:1px solid #ffd591;padding:8px 12px}</style></head><body>
<h1>数据库文件已损坏，FundDesk 没有改动它</h1><p>${esc(problem)}</p><p class="hint">数据库文件：${esc(dbPath)}</p>
${note ? `<p class="note">${esc(note)}</p>` : ''}<h2>可用于恢复的备份</h2>${list}</body></html>`;
}

function form(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((ok, bad) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => ok(new URLSearchParams(body)));
    req.on('error', bad);
  });
}

export async function serveRecoveryPage(
  dbPath: string,
  problem: string,
  port: number,
  announce: (url: string) => void,
): Promise<{ restored: boolean; port: number }> {
  const token = randomBytes(24).toString('hex');
  let items = await goodBackups(dbPath);
  let done: (restored: boolean) => void = () => {};
  const finished = new Promise<boolean>((ok) => {
    done = ok;
  });
  const server = createServer((req, res) => {
    const html = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(text);
    };
    if (req.method === 'POST' && req.url === '/restore') {
      void form(req).then(async (f) => {
        const given = Buffer.from(f.get('token') ?? '');
        if (given.length !== token.length || !timingSafeEqual(given, Buffer.from(token))) {
          return html(403, '访问令牌无效');
        }
        const item = items.find((i) => i.file === f.get('file'));
        if (!item) return html(404, page(dbPath, problem, items, token, '该备份已不在列表中，请重新选择'));
        try {
          const { asidePath } = await restoreFile(dbPath, item.path);
          html(
            200,
            `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3;url=/"><title>已从备份恢复</title></head><body style="font-family:sans-serif;margin:40px"><h1>已从备份恢复</h1><p>损坏的文件已改名保留为：${esc(asidePath ?? '')}</p><p>正在打开 FundDesk…</p></body></html>`,
          );
          done(true);
        } catch (e) {
          const body = (e as { body?: { message: string } }).body;
          items = await goodBackups(dbPath);
          html(
            409,
            page(dbPath, problem, items, token, `恢复失败：${body?.message ?? (e as Error).message}`),
          );
        }
      });
      return;
    }
    html(200, page(dbPath, problem, items, token));
  });
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  announce(`http://127.0.0.1:${actual}/`);
  const stop = () => done(false);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const restored = await finished;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
  return { restored, port: actual };
}
