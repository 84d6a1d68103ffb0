// Before any e2e test: the build in out/ is what the tests run (the built `funddesk serve` serving the built
// renderer, as an installed app loads them). Built here once, only if the sources changed since the last build.
// @ts-expect-error -- a plain .mjs helper shared with bin/funddesk.js
import { ensureBuilt } from '../../scripts/build.mjs';

export default function globalSetup() {
  const r = (ensureBuilt as (o: object) => { ok: boolean; output: string })({ show: true });
  if (!r.ok) throw new Error(`构建失败：${r.output}`);
}
