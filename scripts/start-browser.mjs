// `npm run start:browser`: the same renderer and handlers in your browser, on 127.0.0.1 only, each call
// carrying a per-launch token. For machines where Electron cannot run. Extra arguments go to
// `funddesk serve` (e.g. --db FILE, --port 8080).
// The build is redone only when the sources changed (a content hash, scripts/build.mjs).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.mjs';

const args = process.argv.slice(2);
const noOpen = args.includes('--no-open');
const serveArgs = args.filter((a) => a !== '--no-open');

const built = ensureBuilt();
if (!built.ok) {
  console.error(built.output);
  process.exit(1);
}

/** Opens the preview's address in the default browser, once. */
let opened = false;
function openBrowser(url) {
  if (opened || noOpen) return;
  opened = true;
  const [cmd, cmdArgs] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`请在浏览器中打开 / open in your browser: ${url}`));
  child.unref();
}

// The build was just checked: the built `funddesk serve` runs in this process (a second Node start would add
// its own start-up time before the address is printed). Its first lines carry the address.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const m = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+\//);
  if (m) openBrowser(m[0]);
  return write(chunk, ...rest);
};
process.argv = [process.argv[0], join(root, 'out', 'main', 'cli.js'), 'serve', ...serveArgs];
await import(pathToFileURL(process.argv[1]).href);
