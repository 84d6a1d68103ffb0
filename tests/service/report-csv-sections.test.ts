// What a user sees opening an exported CSV: every section once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { renderCsv } from '../../src/main/export/csv';
import { buildReport } from '../../src/main/services/reports';
import { REPORT_NAMES } from '../../src/shared/reports/types';
import { tempDb } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterAll(async () => {
  await t.cleanup();
});

describe('report CSV', () => {
  it.each(REPORT_NAMES.filter((n) => n !== 'fund'))('%s has no section twice', async (name) => {
    const r = await buildReport(t.opened, name, { asOf: '2025-12-31' });
    const text = (await renderCsv(r, 'wan')).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    // A section title is a line of its own after an empty line.
    const titles = lines.filter((l, i) => i > 0 && lines[i - 1] === '' && !l.includes(','));
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length);
    expect(lines.filter((l) => l.replace(/"/g, '') === '核心指标').length).toBeLessThanOrEqual(1);
  });
});
