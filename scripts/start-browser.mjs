// `npm run start:browser`: the same renderer and handlers in your browser, on 127.0.0.1 only, each call
// carrying a per-launch token. For machines where Electron cannot run. Extra arguments go to
// `funddesk serve` (e.g. --db FILE, --port 8080).
// The build is redone only when the sources changed (a content hash, scripts/build.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';

const args = process.argv.slice(2);
const noOpen = args.includes('--no-open');
const serveArgs = args.filter((a) => a !== '--no-open');

const built = ensureBuilt();
if (!built.ok) {
  console.error(built.output);
  process.exit(1);
}

// The build was just checked: the built CLI directly (bin/funddesk.js would hash the sources again).
const server = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...serveArgs], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let opened = false;
server.stdout.on('data', (d) => {
  process.stdout.write(d);
  const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\//);
  if (m && !opened && !noOpen) {
    opened = true;
    const [cmd, cmdArgs] =
      process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', m[0]]]
        : process.platform === 'darwin'
          ? ['open', [m[0]]]
          : ['xdg-open', [m[0]]];
    spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true }).on('error', () => {
      console.log(`请在浏览器中打开 / open in your browser: ${m[0]}`);
    });
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
