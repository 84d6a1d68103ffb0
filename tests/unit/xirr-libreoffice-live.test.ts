// Re-runs scripts/libreoffice-xirr.mjs with the installed LibreOffice, on the fixture plus a few series made
// up at test time, so the stored reference values cannot be stale or hand-made. Needs `soffice` on PATH
// (apt-get install -y --no-install-recommends libreoffice-calc); FUNDDESK_NO_LIBREOFFICE=1 skips it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CashFlow, xirr } from '../../src/shared/metrics/xirr';

type Series = { id: string; flows: CashFlow[]; libreofficeGuess?: number };
type LoResults = { results: { id: string; rate: number | null; error?: string }[] };

const root = fileURLToPath(new URL('../..', import.meta.url));
const onPath = (process.env.PATH ?? '')
  .split(delimiter)
  .some((dir) => dir && existsSync(join(dir, 'soffice')));
const optedOut = process.env.FUNDDESK_NO_LIBREOFFICE === '1';

/** Fund-like series made up now: calls over 3–5 years, later distributions, a NAV at the end. */
function freshSeries(seed: number): Series[] {
  let s = seed % 2147483647 || 1;
  const rnd = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  const iso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
  return Array.from({ length: 6 }, (_, k) => {
    const start = 16000 + Math.floor(rnd() * 2500);
    const flows: CashFlow[] = [];
    const calls = 3 + Math.floor(rnd() * 5);
    for (let i = 0; i < calls; i++) {
      flows.push({
        date: iso(start + Math.floor((i * 1460) / calls)),
        amount: -Math.round(1e6 + rnd() * 3e7),
      });
    }
    const dists = Math.floor(rnd() * 6);
    for (let i = 0; i < dists; i++) {
      flows.push({ date: iso(start + 1500 + Math.floor(rnd() * 1200)), amount: Math.round(rnd() * 2e7) });
    }
    flows.push({ date: iso(start + 2800), amount: Math.round(rnd() * 1.2e8) });
    return { id: `fresh-${k}`, flows };
  });
}

describe.skipIf(optedOut)('XIRR reference values against a live LibreOffice', () => {
  it('soffice is installed', () => {
    expect(
      onPath,
      'LibreOffice (soffice) is not on PATH: install libreoffice-calc ' +
        '(apt-get install -y --no-install-recommends libreoffice-calc), or set FUNDDESK_NO_LIBREOFFICE=1 to skip',
    ).toBe(true);
  });

  it.runIf(onPath)(
    'the stored fixture values are what LibreOffice computes now, and xirr() matches fresh series',
    () => {
      const fixtureSeries: Series[] = JSON.parse(
        readFileSync(join(root, 'tests/fixtures/xirr-series.json'), 'utf8'),
      );
      const stored: LoResults = JSON.parse(
        readFileSync(join(root, 'tests/fixtures/xirr-libreoffice.json'), 'utf8'),
      );
      const fresh = freshSeries(Date.now());
      const dir = mkdtempSync(join(tmpdir(), 'funddesk-xirr-live-'));
      try {
        const input = join(dir, 'series.json');
        const output = join(dir, 'results.json');
        writeFileSync(input, JSON.stringify([...fixtureSeries, ...fresh]));
        execFileSync(process.execPath, [join(root, 'scripts/libreoffice-xirr.mjs'), input, '--out', output], {
          stdio: ['ignore', 'ignore', 'pipe'],
          timeout: 240_000,
        });
        const live: LoResults = JSON.parse(readFileSync(output, 'utf8'));
        const byId = new Map(live.results.map((r) => [r.id, r]));
        for (const s of stored.results) {
          const now = byId.get(s.id);
          expect(now?.rate, `${s.id}: LibreOffice now says ${now?.error ?? now?.rate}`).not.toBeNull();
          expect(Math.abs(now!.rate! - s.rate!), s.id).toBeLessThan(1e-12);
        }
        for (const s of fresh) {
          const lo = byId.get(s.id)!;
          const r = xirr(s.flows);
          if (!r.ok || lo.rate === null) {
            throw new Error(
              `${s.id} ${JSON.stringify(s.flows)}: xirr ${JSON.stringify(r)}, LibreOffice ${lo.error}`,
            );
          }
          expect(Math.abs(r.rate - lo.rate), `${s.id} ${JSON.stringify(s.flows)}`).toBeLessThan(1e-9);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
