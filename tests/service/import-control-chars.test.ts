import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/main/services/import/commit';
import { exportLedger } from '../../src/main/services/import/ledger-export';
import { previewImport } from '../../src/main/services/import/preview';
import { tempDb, testClient } from '../helpers/temp-db';

/** Issue #19 item 15: a stray control character in a CSV is one cell's matter, not the whole file's. */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

const BOM = '\uFEFF';
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('control characters in a CSV', () => {
  for (const [label, bom] of [
    ['UTF-8 with BOM', BOM],
    ['UTF-8', ''],
  ] as const) {
    it(`${label}: a \\x0b in one name is removed, the row and column named; the file is not refused`, async () => {
      const bytes = csv(`${bom}机构名称,备注\r\n甲\u000b投资,说明\r\n乙投资,\r\n`);
      const p = await previewImport(t.db, { ledger: 'institution', fileName: '机构.csv', bytes });
      expect(p.counts).toMatchObject({ total: 2, ok: 2, error: 0 });
      const row = p.rows.find((r) => r.row === 2)!;
      expect(row.warnings).toEqual(['机构名称含有不可见的控制字符（U+000B），已删除']);
      await commitImport(t.opened, {
        ledger: 'institution',
        fileName: '机构.csv',
        bytes,
        duplicates: 'refuse',
        remember: false,
      });
      const names = t.opened.raw.prepare('SELECT name FROM institutions ORDER BY id').pluck().all();
      expect(names).toEqual(['甲投资', '乙投资']);
    });
  }

  it('binary data is still refused as not text', async () => {
    const junk = Buffer.alloc(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = 1 + ((i * 7) % 30);
    await expect(
      previewImport(t.db, { ledger: 'institution', fileName: 'x.csv', bytes: junk }),
    ).rejects.toThrow(/文件内容不是文本/);
  });

  it("FundDesk's own CSV export of a name holding one (stored by an older version) imports back", async () => {
    const api = testClient(t.opened);
    await api('ledger.create', { entity: 'institution', values: { name: '丙投资' } });
    // An older FundDesk stored what the API was given; the API refuses such text now.
    t.opened.raw.prepare(`UPDATE institutions SET name = '丙\u000b投资', notes = '第一行\n=第二行'`).run();
    const f = await exportLedger(t.db, 'institution', { format: 'csv', unit: 'wan' });
    const target = await tempDb();
    try {
      const r = await commitImport(target.opened, {
        ledger: 'institution',
        fileName: f.fileName,
        bytes: f.data,
        duplicates: 'refuse',
        remember: false,
      });
      expect(r.created).toBe(1);
      expect(target.opened.raw.prepare('SELECT name, notes FROM institutions').get()).toEqual({
        name: '丙投资',
        notes: '第一行\n=第二行',
      });
    } finally {
      await target.cleanup();
    }
  });
});
