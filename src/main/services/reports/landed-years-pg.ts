import { INDUSTRY } from '../../../shared/domain';
import type { OpenedDb } from '../../db/open';

type Raw = OpenedDb['raw'];
export type LandedYear = [industry: string, year: string, count: number, amountFen: number];

const CODE = /^[a-z_]+$/;

/**
 * landedByIndustryYear (overview.ts) on PostgreSQL (team mode, #17): the same walk — per industry, the first
 * landing date, that year's count and sum, then the first date after the year — as one recursive statement
 * instead of two per industry and year. Each statement is a round trip through the connection's worker
 * thread: the demo's 引导基金总览 sent 81 of these (93 statements in all; 19.7 ms against SQLite's 3.8 ms).
 * Each step is still one seek of the (industry, landed_date, status, amount_fen) index (migration 0004), so
 * the rows read are the same. Industries are INDUSTRY's codes (the column's CHECK), written into the text.
 */
export function landedByIndustryYearPg(raw: Raw, asOf: string): LandedYear[] {
  const codes = INDUSTRY.codes.filter((c) => CODE.test(c));
  return raw
    .prepare(
      `WITH RECURSIVE y(k, ind, d) AS (
         SELECT c.k, c.ind, (SELECT min(landed_date) FROM landed_projects
                             WHERE industry = c.ind AND landed_date > '' AND landed_date <= @asOf)
         FROM unnest(ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]) WITH ORDINALITY AS c(ind, k)
         UNION ALL
         SELECT y.k, y.ind, (SELECT min(landed_date) FROM landed_projects
                             WHERE industry = y.ind AND landed_date > greatest(substr(y.d, 1, 4) || '-99-99', y.d)
                               AND landed_date <= @asOf)
         FROM y WHERE y.d IS NOT NULL)
       SELECT y.ind, substr(y.d, 1, 4), s.n, s.fen FROM y CROSS JOIN LATERAL
         (SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen FROM landed_projects
          WHERE industry = y.ind AND landed_date >= substr(y.d, 1, 4) || '-00-00'
            AND landed_date <= least(substr(y.d, 1, 4) || '-99-99', @asOf) AND status <> 'cancelled') AS s
       WHERE y.d IS NOT NULL AND s.n > 0
       ORDER BY y.k, y.d`,
    )
    .raw(true)
    .all({ asOf }) as LandedYear[];
}
