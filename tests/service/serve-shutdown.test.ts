import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { startFunddesk } from '../helpers/cli';

/**
 * `funddesk serve` (a real process) quits on SIGTERM while a page keeps polling it over keep-alive
 * connections, as the app's page does (audit.since every few seconds, one connection reused): before, the
 * HTTP server waited for those connections to go idle, which never happened, and the process never exited.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-serve-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One POST over the keep-alive agent; the status and body (null once the server is gone). */
function post(agent: Agent, url: string, path: string, token: string, body: unknown) {
  return new Promise<{ status: number; body: string } | null>((ok) => {
    const req = request(
      new URL(path, url),
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-funddesk-token': token },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
        res.on('error', () => ok(null));
      },
    );
    req.on('error', () => ok(null));
    req.end(JSON.stringify(body));
  });
}

it('SIGTERM: serve exits with 0 while a page keeps polling, and the database is closed cleanly', async () => {
  const db = join(dir, 'funddesk.db');
  const { proc, seen, exited, waitFor } = startFunddesk(['serve', '--db', db, '--create']);
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  let polling = true;
  try {
    const url = (await waitFor(/http:\/\/127\.0\.0\.1:\d+\//, 120_000))?.[0];
    expect(url, seen.out + seen.err).toBeDefined();
    const html = await (await fetch(url!)).text();
    const token = /name="funddesk-token" content="([0-9a-f]+)"/.exec(html)![1]!;
    const first = await post(agent, url!, '/api/audit.since', token, {});
    expect(first?.status).toBe(200);
    expect(JSON.parse(first!.body).ok).toBe(true);

    // The page's poll, over two reused connections, without a pause, until the server is gone.
    let answered = 0;
    const poll = async () => {
      while (polling) {
        const r = await post(agent, url!, '/api/audit.since', token, {});
        if (!r) return;
        answered++;
      }
    };
    const pollers = [poll(), poll()];
    while (answered < 10) await new Promise((r) => setTimeout(r, 20));
    proc.kill('SIGTERM');
    // A hang is caught here, not by the test's timeout: the fixture of the e2e suite waits 10 s, then kills.
    const ended = await Promise.race([exited, new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
    expect(ended, `${seen.out}${seen.err}`).toEqual({ code: 0, signal: null });
    polling = false;
    await Promise.all(pollers);
  } finally {
    polling = false;
    agent.destroy();
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  }
  // Closed cleanly: SQLite removes the write-ahead log when the last connection closes (a killed process
  // leaves it behind); the file opens again.
  expect(existsSync(`${db}-wal`)).toBe(false);
  const o = await openDatabase(db, { mustExist: true });
  await o.close();
}, 180_000);
