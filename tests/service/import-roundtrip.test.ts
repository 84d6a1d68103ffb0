import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { commitImport } from '../../src/main/services/import/commit';
import { exportLedger } from '../../src/main/services/import/ledger-export';
import { previewImport } from '../../src/main/services/import/preview';
import { importTemplate } from '../../src/main/services/import/template';
import type { Unit } from '../../src/shared/money';
import { LEDGER_ORDER, SOFFICE, snapshot, soffice } from '../fixtures/import/helpers';
import { tempDb } from '../helpers/temp-db';

const ORDER = LEDGER_ORDER;

let source: Awaited<ReturnType<typeof tempDb>>;
let original: Record<string, string[]>;

beforeAll(async () => {
  source = await tempDb();
  await loadDemo(source.db, { replace: false });
  original = await snapshot(source.db);
});
afterAll(() => source.cleanup());

async function importAll(files: Record<string, { name: string; data: Buffer }>) {
  const target = await tempDb();
  try {
    for (const e of ORDER) {
      const f = files[e]!;
      const p = await previewImport(target.db, { ledger: e, fileName: f.name, bytes: f.data });
      expect(p.missingRequired, `${e} ${f.name}`).toEqual([]);
      expect(
        p.rows.filter((r) => r.status !== 'ok'),
        `${e} ${f.name}`,
      ).toEqual([]);
      expect(
        p.mapping.every((m) => m.field !== null),
        `${e}: every exported column maps back`,
      ).toBe(true);
      const r = await commitImport(target.opened, {
        ledger: e,
        fileName: f.name,
        bytes: f.data,
        duplicates: 'refuse',
        remember: false,
      });
      expect(r.created).toBe(p.counts.total);
    }
    return await snapshot(target.db);
  } finally {
    await target.cleanup();
  }
}

describe('export then import of every ledger gives back the original', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    for (const unit of ['wan', 'yi', 'yuan'] as Unit[]) {
      it(`${format}, money in ${unit}`, async () => {
        const files: Record<string, { name: string; data: Buffer }> = {};
        for (const e of ORDER) {
          const f = await exportLedger(source.db, e, { format, unit });
          files[e] = { name: f.fileName, data: f.data };
        }
        const back = await importAll(files);
        for (const t of Object.keys(original)) expect(back[t], t).toEqual(original[t]);
        expect(original.cash_flows!.length).toBeGreaterThan(50);
      });
    }
  }

  it('an export imported into the database it came from is flagged row by row as duplicates', async () => {
    for (const e of ORDER) {
      const f = await exportLedger(source.db, e, { format: 'xlsx', unit: 'wan' });
      const p = await previewImport(source.db, { ledger: e, fileName: f.fileName, bytes: f.data });
      expect(p.counts.duplicate, e).toBe(p.counts.total);
      expect(
        p.rows.every((r) => r.duplicateOf?.startsWith('已有')),
        e,
      ).toBe(true);
      await expect(
        commitImport(source.opened, {
          ledger: e,
          fileName: f.fileName,
          bytes: f.data,
          duplicates: 'refuse',
          remember: false,
        }),
      ).rejects.toThrow(/重复/);
    }
    expect(await snapshot(source.db)).toEqual(original);
  });

  it('the template has exactly the headers of the export, and an empty template imports nothing', async () => {
    const { readImportFile } = await import('../../src/main/services/import/read');
    for (const e of ORDER) {
      const t = await importTemplate(source.db, e, 'xlsx', 'wan');
      const x = await exportLedger(source.db, e, { format: 'xlsx', unit: 'wan' });
      const th = readImportFile(t.fileName, t.data).rows[0]!.cells;
      const xh = readImportFile(x.fileName, x.data).rows[0]!.cells;
      expect(th, e).toEqual(xh);
      const csv = await importTemplate(source.db, e, 'csv', 'wan');
      expect(readImportFile(csv.fileName, csv.data).rows[0]!.cells).toEqual(xh);
      await expect(
        previewImport(source.db, { ledger: e, fileName: t.fileName, bytes: t.data }),
      ).resolves.toMatchObject({
        counts: { total: 0 },
      });
    }
  });
});

describe.skipIf(!SOFFICE)('files as a client saves them (LibreOffice)', () => {
  it('exports re-saved by LibreOffice as xlsx import back unchanged', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'funddesk-lo-'));
    try {
      const inputs: string[] = [];
      for (const e of ORDER) {
        const f = await exportLedger(source.db, e, { format: 'xlsx', unit: 'wan' });
        const p = join(dir, `${e}.xlsx`);
        writeFileSync(p, f.data);
        inputs.push(p);
      }
      const out = soffice(inputs, join(dir, 'resaved'), 'xlsx');
      const files: Record<string, { name: string; data: Buffer }> = {};
      ORDER.forEach((e, i) => {
        files[e] = { name: `${e}.xlsx`, data: readFileSync(out[i]!) };
      });
      const back = await importAll(files);
      for (const t of Object.keys(original)) expect(back[t], t).toEqual(original[t]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
