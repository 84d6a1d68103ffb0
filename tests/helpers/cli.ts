import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Run `funddesk …` as a user would, under plain Node. */
export function funddesk(args: string[], opts: { input?: string } = {}) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    if (opts.input !== undefined) p.stdin.end(opts.input);
    else p.stdin.end();
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/**
 * `funddesk …` started as a long-running process (serve): its output so far, a wait for a line of it (up to
 * `limitMs`, then the match or null) and its exit.
 */
export function startFunddesk(args: string[]) {
  const proc = spawn(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { cwd: root });
  const seen = { out: '', err: '' };
  proc.stdout.on('data', (d) => {
    seen.out += d;
  });
  proc.stderr.on('data', (d) => {
    seen.err += d;
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((ok) =>
    proc.once('exit', (code, signal) => ok({ code, signal })),
  );
  const waitFor = async (re: RegExp, limitMs = 60_000) => {
    for (let i = 0; i < limitMs / 100 && !re.test(seen.out + seen.err); i++)
      await new Promise((r) => setTimeout(r, 100));
    return re.exec(seen.out + seen.err);
  };
  return { proc, seen, exited, waitFor };
}
