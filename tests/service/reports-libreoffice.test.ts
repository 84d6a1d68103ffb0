// The net IRR of every fund in the 基金业绩 report, and of the total, against LibreOffice Calc's own XIRR on
// the same cash flows (calls negative, distributions positive, the adjusted NAV positive on the as-of date):
// they agree to 1e-9. Needs `soffice`; FUNDDESK_NO_LIBREOFFICE=1 skips it.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the scripts
import { libreOfficeXirr } from '../../scripts/libreoffice-xirr.mjs';
import { loadDemo } from '../../src/main/demo';
import { buildReport } from '../../src/main/services/reports';
import { tempDb } from '../helpers/temp-db';

type Flow = { date: string; amount: number };
const run = libreOfficeXirr as (s: { id: string; flows: Flow[] }[]) => { id: string; rate: number | null }[];

const onPath = (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, 'soffice')));
const enabled = onPath && process.env.FUNDDESK_NO_LIBREOFFICE !== '1';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterAll(() => t.cleanup());

/** A fund's XIRR series as of D, read straight from the tables (not through the report code). */
function series(fundIds: number[], asOf: string): Flow[] {
  const flows = t.opened.raw
    .prepare(
      `SELECT date, CASE type WHEN 'call' THEN -amount_fen ELSE amount_fen END AS a FROM cash_flows
       WHERE fund_id IN (${fundIds.join(',')}) AND type IN ('call','distribution') AND date <= ? ORDER BY date`,
    )
    .all(asOf) as { date: string; a: number }[];
  // 调整后净值, in SQL: the latest valuation on or before D, plus calls, minus distributions dated after it
  // and on or before D; never below 0 (in JS: SQLite's two-argument max() is not PostgreSQL's, which has
  // greatest()); a fund without a valuation counts 0.
  let nav = 0;
  for (const id of fundIds) {
    const v = t.opened.raw
      .prepare(
        `SELECT v.nav_fen + coalesce((SELECT sum(CASE type WHEN 'call' THEN amount_fen ELSE -amount_fen END)
           FROM cash_flows c WHERE c.fund_id = v.fund_id AND c.type IN ('call','distribution')
             AND c.date > v.as_of_date AND c.date <= @asOf), 0)
         FROM valuations v WHERE v.fund_id = @id AND v.as_of_date <= @asOf ORDER BY v.as_of_date DESC LIMIT 1`,
      )
      .pluck()
      .get({ id, asOf }) as number | string | undefined;
    nav += Math.max(0, Number(v ?? 0));
  }
  const out = flows.map((f) => ({ date: f.date, amount: Number(f.a) / 100 }));
  if (nav > 0) out.push({ date: asOf, amount: nav / 100 });
  return out;
}

describe.skipIf(!enabled)('基金业绩 IRR vs LibreOffice XIRR', () => {
  it('agrees to 1e-9 for every fund and the total, at two dates', { timeout: 600_000 }, async () => {
    const cases: { id: string; flows: Flow[]; ours: number | null }[] = [];
    let adjusted = 0;
    for (const asOf of ['2025-12-31', '2023-06-30', '2025-08-31', '2022-09-29']) {
      const r = await buildReport(t.opened, 'performance', { asOf });
      const table = r.tables[0]!;
      for (const row of table.rows) {
        if (row.nav !== row.navValuation) adjusted++;
        cases.push({
          id: `${asOf}-${row.id}`,
          flows: series([Number(row.id)], asOf),
          ours: row.irr as number | null,
        });
      }
      cases.push({
        id: `${asOf}-total`,
        flows: series(
          table.rows.map((x) => Number(x.id)),
          asOf,
        ),
        ours: table.totals!.irr as number | null,
      });
    }
    const lo = run(cases.map(({ id, flows }) => ({ id, flows })));
    let compared = 0;
    for (const [i, c] of cases.entries()) {
      const ref = lo[i]!;
      expect(ref.id).toBe(c.id);
      if (ref.rate === null) {
        expect(c.ours, c.id).toBeNull();
        continue;
      }
      expect(c.ours, c.id).not.toBeNull();
      expect(
        Math.abs((c.ours as number) - ref.rate),
        `${c.id}: ${c.ours} vs LibreOffice ${ref.rate}`,
      ).toBeLessThan(1e-9);
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
    expect(adjusted, 'funds whose NAV the adjustment changes').toBeGreaterThan(0);
  });
});
