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
