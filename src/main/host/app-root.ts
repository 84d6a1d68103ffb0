import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the app's package.json and out/: the checkout, or app.asar in an installed app. Found by
 * walking up from this module, wherever the build put it (src/main/host under tsx, out/main or out/main/chunks
 * when built).
 */
export function appRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`找不到应用目录（package.json），起点：${fileURLToPath(from)}`);
    dir = up;
  }
}

let version: string | undefined;
/** The app's version: package.json's, the one Electron's app.getVersion() reports and the installers carry. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
  return version;
}
