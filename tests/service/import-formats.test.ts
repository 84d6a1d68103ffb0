import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/main/services/import/commit';
import { previewImport } from '../../src/main/services/import/preview';
import type { ImportOptions } from '../../src/main/services/import/service';
import { checkMany } from '../../src/main/services/ledger/bulk';
import { createRow, listRows } from '../../src/main/services/ledger/service';
import { countRows, SOFFICE, soffice, xlsxOf } from '../fixtures/import/helpers';
import { tempDb } from '../helpers/temp-db';

/**
 * Files as Excel and WPS save them on Chinese Windows: every encoding, date form and money form of
 * the issue, title/total rows, other layouts, duplicates, and row errors in Chinese.
 */

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';
const FUND2 = '深圳坪山新型储能产业投资基金合伙企业（有限合伙）';
let t: Awaited<ReturnType<typeof tempDb>>;
let fundId: number;

beforeEach(async () => {
  t = await tempDb();
  const m = await createRow(t.db, 'manager', { name: '深圳市坪山区引导基金管理有限公司' });
  fundId = (
    await createRow(t.db, 'fund', {
      kind: 'sub',
      name: FUND,
      manager_id: m.id,
      total_size_fen: 500_000_000_00,
      guidance_commitment_fen: 100_000_000_00,
    })
  ).id;
  await createRow(t.db, 'fund', {
    kind: 'sub',
    name: FUND2,
    total_size_fen: 300_000_000_00,
    guidance_commitment_fen: 60_000_000_00,
  });
});
afterEach(() => t.cleanup());

const preview = (o: Omit<ImportOptions, 'ledger'> & { ledger?: ImportOptions['ledger'] }) =>
  previewImport(t.db, { ledger: 'cash_flow', ...o });
const commit = (
  o: Omit<ImportOptions, 'ledger'> & {
    duplicates?: 'refuse' | 'skip' | 'import';
    ledger?: ImportOptions['ledger'];
  },
) => commitImport(t.opened, { ledger: 'cash_flow', duplicates: 'refuse', remember: true, ...o });

const CSV_ROWS = [
  ['基金', '日期', '类型', '金额（万元）', '备注'],
  [FUND, '2023-08-01', '实缴出资', '1,500.50', '首期实缴，“缴款通知书”已签收'],
  [FUND, '2023年9月1日', '收益分配', '200', '分配𠮷'],
];
const csv = (rows: string[][], sep = ',', eol = '\r\n') =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(eol) +
  eol;

describe('CSV encodings as Excel and WPS write them', () => {
  const text = csv(CSV_ROWS);
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(text, 'utf8'), 'UTF-8'],
    [
      'UTF-8 with BOM (Excel “CSV UTF-8”)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'UTF-8（带 BOM）',
    ],
    ['GB18030 (a character GBK lacks)', iconv.encode(text, 'gb18030'), 'GB18030'],
    [
      'UTF-16LE tab-separated (Excel “Unicode 文本”)',
      iconv.encode(csv(CSV_ROWS, '\t'), 'utf16le', { addBOM: true }),
      'UTF-16LE',
    ],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(name, async () => {
      const p = await preview({ fileName: 'x.csv', bytes });
      expect(p.encoding).toBe(encoding);
      expect(p.counts).toMatchObject({ total: 2, ok: 2, error: 0 });
      await commit({ fileName: 'x.csv', bytes });
      const rows = await listRows(t.db, 'cash_flow');
      expect(rows.map((r) => [r.date, r.type, r.amount_fen, r.note])).toEqual([
        ['2023-08-01', 'call', 15_005_000_00 / 1, '首期实缴，“缴款通知书”已签收'],
        ['2023-09-01', 'distribution', 2_000_000_00, '分配𠮷'],
      ]);
    });
  }

  it('GBK (“CSV（逗号分隔）” on Chinese Windows), CRLF', async () => {
    const rows = CSV_ROWS.map((r) => r.map((c) => c.replace('𠮷', '')));
    const bytes = iconv.encode(csv(rows), 'gbk');
    const p = await preview({ fileName: '现金流.csv', bytes });
    expect(p.encoding).toBe('GB18030');
    expect(p.headers).toEqual(['基金', '日期', '类型', '金额（万元）', '备注']);
    expect(p.counts.ok).toBe(2);
    const r = await commit({ fileName: '现金流.csv', bytes });
    expect(r.created).toBe(2);
    expect((await listRows(t.db, 'cash_flow'))[1]!.note).toBe('分配');
  });
});

describe('dates in every form', () => {
  it('2023年8月1日, 2023/8/1, 2023-08-01, 2023.8.1, 20230801, full-width digits, Excel serials', async () => {
    const forms: unknown[] = [
      '2023年8月1日',
      '2023/8/1',
      '2023-08-01',
      '2023.8.1',
      '20230801',
      '２０２３－０８－０１',
      '２０２３年８月１日',
      '45139',
      45139,
      new Date(Date.UTC(2023, 7, 1)),
    ];
    const rows: unknown[][] = [['基金', '日期', '类型', '金额（元）']];
    forms.forEach((d, i) => {
      rows.push([FUND, d, '实缴出资', 1000 + i]);
    });
    const bytes = await xlsxOf(rows as never);
    const p = await preview({ fileName: 'dates.xlsx', bytes });
    expect(p.rows.filter((r) => r.status !== 'ok')).toEqual([]);
    await commit({ fileName: 'dates.xlsx', bytes });
    const stored = await listRows(t.db, 'cash_flow');
    expect(stored).toHaveLength(forms.length);
    expect(new Set(stored.map((r) => r.date))).toEqual(new Set(['2023-08-01']));
  });

  it('a date-formatted cell saved by Excel (serial number + date style) is read as that date', async () => {
    const bytes = await xlsxOf(
      [
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, 45139, '实缴出资', 1],
      ],
      { numFmt: { 2: 'yyyy"年"m"月"d"日"' } },
    );
    const p = await preview({ fileName: 'd.xlsx', bytes });
    expect(p.rows[0]!.cells[1]).toBe('2023-08-01');
  });

  it('an impossible date is refused with a Chinese message naming the row and column', async () => {
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-02-30', '实缴出资', '1'],
        [FUND, '下周一', '实缴出资', '1'],
      ]),
    );
    const p = await preview({ fileName: 'x.csv', bytes });
    expect(p.counts.error).toBe(2);
    expect(p.rows[0]).toMatchObject({ row: 2, status: 'error' });
    expect(p.rows[0]!.issues[0]).toMatchObject({ column: 1, field: 'date' });
    expect(p.rows[0]!.issues[0]!.message).toContain('2023年2月没有30日');
    expect(p.rows[1]!.issues[0]!.message).toMatch(/^日期：无法识别的日期：下周一/);
  });
});

describe('money with units, separators and full-width digits', () => {
  it('a 万元 column, with cells that carry their own unit', async () => {
    const rows: unknown[][] = [
      ['基金', '日期', '类型', '金额（万元）'],
      [FUND, '2023-01-01', '实缴出资', '1,500'],
      [FUND, '2023-01-02', '实缴出资', '1.5亿'],
      [FUND, '2023-01-03', '实缴出资', '１２３４．５'],
      [FUND, '2023-01-04', '实缴出资', '3000万'],
      [FUND, '2023-01-05', '实缴出资', 12.345678],
      [FUND, '2023-01-06', '实缴出资', '￥1,000元'],
      [FUND, '2023-01-07', '实缴出资', '12,345.67'],
    ];
    const bytes = await xlsxOf(rows as never);
    const p = await preview({ fileName: 'm.xlsx', bytes });
    expect(p.mapping[3]).toMatchObject({ field: 'amount_fen', unit: 'wan' });
    expect(p.rows.filter((r) => r.status !== 'ok')).toEqual([]);
    await commit({ fileName: 'm.xlsx', bytes });
    expect((await listRows(t.db, 'cash_flow')).map((r) => r.amount_fen)).toEqual([
      1500 * 1_000_000,
      1.5 * 10_000_000_000,
      1_234_500_000,
      3000 * 1_000_000,
      12_345_678,
      100_000,
      12_345_670_000,
    ]);
  });

  it('units from the header in every spelling, and a “单位：万元” note above the table', async () => {
    const { unitInHeader } = await import('../../src/main/services/import/headers');
    expect(unitInHeader('金额（元）')).toBe('yuan');
    expect(unitInHeader('金额(万元)')).toBe('wan');
    expect(unitInHeader('认缴规模（亿元）')).toBe('yi');
    expect(unitInHeader('出资额/万元')).toBe('wan');
    expect(unitInHeader('金额 单位：亿元')).toBe('yi');
    expect(unitInHeader('认缴规模万元')).toBe('wan');
    expect(unitInHeader('金额')).toBeNull();
    const bytes = await xlsxOf([
      ['坪山区引导基金子基金出资台账'],
      ['单位：万元', null, null, '填报日期：2024-01-05'],
      ['子基金名称', '缴款日期', '款项类型', '实缴金额'],
      [FUND, '2023-08-01', '实缴出资', 800],
      [FUND2, '2023-08-02', '实缴出资', 200],
      ['合计', null, null, 1000],
      ['注：本表由基金管理部填报', null, null, null],
      ['制表人：张三', null, null, null],
    ]);
    const p = await preview({ fileName: '台账.xlsx', bytes });
    expect(p.headerRow).toBe(3);
    expect(p.sheetUnit).toBe('wan');
    expect(p.mapping.map((m) => m.field)).toEqual(['fund_id', 'date', 'type', 'amount_fen']);
    expect(p.mapping[3]!.unit).toBe('wan');
    expect(p.counts).toMatchObject({ total: 5, ok: 2, skipped: 3, error: 0 });
    expect(p.rows.filter((r) => r.status === 'skipped').map((r) => r.warnings[0])).toEqual([
      '合计行，已跳过',
      '表格下方的说明文字，已跳过',
      '表格下方的说明文字，已跳过',
    ]);
    const r = await commit({ fileName: '台账.xlsx', bytes });
    expect(r).toMatchObject({ created: 2, skippedRows: 3 });
    expect((await listRows(t.db, 'cash_flow')).map((x) => x.amount_fen)).toEqual([800_000_000, 200_000_000]);
  });

  it('bad amounts are refused per cell, in Chinese', async () => {
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-01-01', '实缴出资', 'abc'],
        [FUND, '2023-01-01', '实缴出资', '-5'],
        [FUND, '2023-01-01', '实缴出资', '1.001'],
        [FUND, '2023-01-01', '实缴出资', '0'],
      ]),
    );
    const p = await preview({ fileName: 'x.csv', bytes });
    expect(p.rows.map((r) => r.issues.map((i) => i.message).join('|'))).toEqual([
      '金额（元）：无法识别的金额：abc，示例：1.5亿、3000万、12,345.67'.replace('金额（元）', '金额'),
      '金额：金额不能为负数',
      '金额：金额最多精确到分',
      '金额必须大于0',
    ]);
  });
});

describe('other layouts, mapping, duplicates and all-or-nothing', () => {
  it('maps another layout by its headers, takes an explicit mapping, and remembers it for the same layout', async () => {
    const bytes = Buffer.from(
      csv([
        ['序号', '出资主体', '到账时间', '资金性质', '发生额(元)', '凭证号'],
        ['1', FUND, '2023-8-1', '实缴出资', '100', 'P-1'],
      ]),
    );
    const auto = await preview({ fileName: 'a.csv', bytes });
    expect(auto.mappingSource).toBe('auto');
    expect(auto.missingRequired).toEqual(['基金']);
    expect(auto.mapping.map((m) => m.field)).toEqual([null, null, 'date', 'type', 'amount_fen', 'doc_no']);
    const mapping = [
      { column: 0, field: null },
      { column: 1, field: 'fund_id' },
      { column: 2, field: 'date' },
      { column: 3, field: 'type' },
      { column: 4, field: 'amount_fen', unit: 'yuan' as const },
      { column: 5, field: 'doc_no' },
    ];
    const p = await preview({ fileName: 'a.csv', bytes, mapping });
    expect(p.mappingSource).toBe('manual');
    expect(p.counts.ok).toBe(1);
    await commit({ fileName: 'a.csv', bytes, mapping });
    const next = Buffer.from(
      csv([
        ['序号', '出资主体', '到账时间', '资金性质', '发生额(元)', '凭证号'],
        ['2', FUND, '2023-9-1', '收益分配', '50', 'P-2'],
      ]),
    );
    const again = await preview({ fileName: 'b.csv', bytes: next });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping.map((m) => m.field)).toEqual(mapping.map((m) => m.field));
    expect(again.counts.ok).toBe(1);
  });

  it('flags rows already stored and repeated rows; refuse / skip / import', async () => {
    await createRow(t.db, 'cash_flow', {
      fund_id: fundId,
      date: '2023-08-01',
      type: 'call',
      amount_fen: 100_00,
    });
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-08-01', '实缴出资', '100'],
        [FUND, '2023-08-02', '实缴出资', '200'],
        [FUND, '2023/8/2', '实缴出资', '200.00'],
      ]),
    );
    const p = await preview({ fileName: 'x.csv', bytes });
    expect(p.counts).toMatchObject({ ok: 1, duplicate: 2 });
    expect(p.rows[0]!.duplicateOf).toMatch(/^已有现金流/);
    expect(p.rows[2]!.duplicateOf).toBe('本文件第 3 行');
    const before = await countRows(t.db);
    await expect(commit({ fileName: 'x.csv', bytes })).rejects.toThrow(/重复.*全部未写入/);
    expect(await countRows(t.db)).toEqual(before);
    const skipped = await commit({ fileName: 'x.csv', bytes, duplicates: 'skip' });
    expect(skipped).toMatchObject({ created: 1, skippedDuplicates: 2 });
  });

  it('a cash flow is a duplicate for import exactly when pasting calls it one (type and 单据编号 count)', async () => {
    const stored = await createRow(t.db, 'cash_flow', {
      fund_id: fundId,
      date: '2023-08-01',
      type: 'call',
      amount_fen: 100_00,
      doc_no: 'JK-001',
    });
    const rows = [
      { date: '2023-08-01', type: 'call', doc_no: 'JK-001' }, // the stored flow
      { date: '2023-08-01', type: 'fee', doc_no: 'JK-001' }, // another type
      { date: '2023-08-01', type: 'call', doc_no: 'JK-002' }, // another document
      { date: '2023-08-01', type: 'call', doc_no: '' }, // no document
    ];
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）', '单据编号'],
        ...rows.map((r) => [FUND, r.date, { call: '实缴出资', fee: '管理费' }[r.type]!, '100', r.doc_no]),
      ]),
    );
    const p = await preview({ fileName: 'x.csv', bytes });
    const imported = p.rows.map((r) => r.status === 'duplicate');
    const pasted = (
      await checkMany(
        t.db,
        'cash_flow',
        rows.map((r) => ({ fund_id: fundId, amount_fen: 100_00, ...r, doc_no: r.doc_no || null })),
      )
    ).map((r) => r.duplicateOf != null);
    expect(imported).toEqual([true, false, false, false]);
    expect(pasted).toEqual(imported);
    expect(p.rows[0]!.duplicateOf).toBe(`已有现金流“2023-08-01 0.01万元”（编号 ${stored.id}）`);
  });

  it('names each stored record a row repeats, and skips a header repeated in another form', async () => {
    const a = await createRow(t.db, 'cash_flow', {
      fund_id: fundId,
      date: '2023-08-01',
      type: 'call',
      amount_fen: 100_00,
    });
    const funds = await listRows(t.db, 'fund');
    const fund2 = funds.find((f) => f.name === FUND2)!.id as number;
    const b = await createRow(t.db, 'cash_flow', {
      fund_id: fund2,
      date: '2023-09-01',
      type: 'distribution',
      amount_fen: 300_00,
    });
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-08-01', '实缴出资', '100'],
        // The table's second page repeats the header with full-width letters, spaces and another unit note.
        ['基 金', '日期：', '类型', '金额 (元)'],
        [FUND2, '2023-09-01', '收益分配', '300'],
        [FUND2, '2023-09-02', '收益分配', '300'],
      ]),
    );
    const p = await preview({ fileName: 'x.csv', bytes });
    expect(p.counts).toMatchObject({ total: 4, ok: 1, duplicate: 2, skipped: 1 });
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)!.duplicateOf).toBe(`已有现金流“2023-08-01 0.01万元”（编号 ${a.id}）`);
    expect(byRow.get(3)!.warnings).toEqual(['重复的表头行，已跳过']);
    expect(byRow.get(4)!.duplicateOf).toBe(`已有现金流“2023-09-01 0.03万元”（编号 ${b.id}）`);
  });

  it('a file with one bad row writes nothing', async () => {
    const bytes = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-08-01', '实缴出资', '100'],
        ['不存在的基金', '2023-08-02', '实缴出资', '200'],
        [FUND, '2023-08-03', '退款', '300'],
      ]),
    );
    const before = await countRows(t.db);
    const err = await commit({ fileName: 'x.csv', bytes }).catch((e) => e);
    expect(err.body.message).toBe('有 2 行有错误（第 3、4 行），全部未写入；请修改文件后重新导入');
    expect(err.body.issues.map((i: { row: number; message: string }) => `${i.row}:${i.message}`)).toEqual([
      '3:基金：找不到基金“不存在的基金”；请先导入或新增该基金',
      '4:类型应为：实缴出资、收益分配、管理费、其他',
    ]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('a failure inside the write transaction rolls back every row already inserted', async () => {
    const rows = [['基金', '日期', '类型', '金额（元）', '备注']];
    for (let i = 0; i < 1500; i++)
      rows.push([FUND, '2023-08-01', '实缴出资', String(i + 1), i === 1400 ? 'BOOM' : '']);
    const bytes = Buffer.from(csv(rows));
    // A trigger that fails the 1,401st insert, on each engine in its own SQL (on PostgreSQL a CHECK-style refusal).
    t.opened.raw.exec(
      t.opened.engine === 'postgres'
        ? `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF NEW.note = 'BOOM' THEN RAISE EXCEPTION 'simulated failure' USING ERRCODE = 'check_violation'; END IF;
             RETURN NEW; END $$;
           CREATE TRIGGER boom BEFORE INSERT ON cash_flows FOR EACH ROW EXECUTE FUNCTION boom()`
        : `CREATE TEMP TRIGGER boom BEFORE INSERT ON cash_flows WHEN NEW.note = 'BOOM' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
    );
    const before = await countRows(t.db);
    // The trigger's abort reaches the user as the database's rule, in Chinese, never its English text.
    await expect(commit({ fileName: 'x.csv', bytes })).rejects.toThrow(/^数据不符合数据库的规则，未保存/);
    expect(await countRows(t.db)).toEqual(before);
    expect(t.opened.raw.inTransaction).toBe(false);
  });

  it('formulas: the saved result is used; a formula without one, and error values, are refused per cell', async () => {
    const bytes = await xlsxOf([
      ['基金', '日期', '类型', '金额（元）'],
      [FUND, '2023-08-01', '实缴出资', { formula: '100*2', result: 200 }],
      [FUND, '2023-08-02', '实缴出资', { formula: 'D2*2' } as never],
      [FUND, '2023-08-03', '实缴出资', { error: '#DIV/0!' } as never],
    ]);
    const p = await preview({ fileName: 'f.xlsx', bytes });
    expect(p.rows[0]!.status).toBe('ok');
    expect(p.rows[1]!.issues[0]!.message).toMatch(/公式（=D2\*2）但没有保存计算结果/);
    expect(p.rows[2]!.issues[0]!.message).toMatch(/错误值 #DIV\/0!/);
    const c = Buffer.from(
      csv([
        ['基金', '日期', '类型', '金额（元）'],
        [FUND, '2023-08-01', '实缴出资', '=SUM(A1:A2)'],
      ]),
    );
    const pc = await preview({ fileName: 'f.csv', bytes: c });
    expect(pc.rows[0]!.issues[0]!.message).toMatch(/CSV 文件不保存公式的结果/);
  });

  it('percent cells, multi-select labels and yes/no in other ledgers', async () => {
    const e = await createRow(t.db, 'enterprise', { name: '深圳市测试科技有限公司' });
    const inv = await xlsxOf(
      [
        ['基金', '被投企业', '投资日期', '投资金额（万元）', '持股比例'],
        [FUND, '深圳市测试科技有限公司', '2023-08-01', 1000, 0.125],
      ],
      { numFmt: { 5: '0.00%' } },
    );
    await commit({ ledger: 'investment', fileName: 'i.xlsx', bytes: inv });
    expect((await listRows(t.db, 'investment'))[0]).toMatchObject({ enterprise_id: e.id, stake_pct: 12.5 });
    const ent = Buffer.from(
      csv([
        ['企业名称', '所属产业', '区内企业'],
        ['深圳市甲科技有限公司', '生物医药', '是'],
        ['深圳市乙科技有限公司', '新型储能', '否'],
      ]),
    );
    await commit({ ledger: 'enterprise', fileName: 'e.csv', bytes: ent });
    expect((await listRows(t.db, 'enterprise')).slice(1).map((r) => [r.industry, r.in_district])).toEqual([
      ['bio', 1],
      ['storage', 0],
    ]);
  });

  it('names not stored yet can be created with the rows (企业, 投资机构)', async () => {
    const bytes = Buffer.from(
      csv([
        ['企业', '投资机构', '阶段', '拟融资金额（万元）'],
        ['深圳市新企业一号有限公司', '深圳市某某创投有限公司', '对接中', '500'],
        ['深圳市新企业一号有限公司', '深圳市另一创投有限公司', '尽调', '800'],
      ]),
    );
    const refused = await preview({ ledger: 'financing_deal', fileName: 'd.csv', bytes });
    expect(refused.counts.error).toBe(2);
    const p = await preview({ ledger: 'financing_deal', fileName: 'd.csv', bytes, createMissing: true });
    expect(p.counts.ok).toBe(2);
    expect(p.toCreate.map((x) => [x.entity, x.names.length])).toEqual([
      ['enterprise', 1],
      ['institution', 2],
    ]);
    const r = await commit({ ledger: 'financing_deal', fileName: 'd.csv', bytes, createMissing: true });
    expect(r).toMatchObject({ created: 2, createdLinked: 3 });
    expect((await listRows(t.db, 'financing_deal')).map((x) => x.enterprise_name)).toEqual([
      '深圳市新企业一号有限公司',
      '深圳市新企业一号有限公司',
    ]);
  });

  it('funds: the kind comes from a default when the file has no 基金类型 column', async () => {
    const bytes = Buffer.from(
      csv([
        ['基金名称', '认缴规模（亿元）', '引导基金认缴（亿元）', '成立日期'],
        ['深圳坪山生物医药产业基金', '5', '1', '2021/3/1'],
      ]),
    );
    const p = await preview({ ledger: 'fund', fileName: 'f.csv', bytes });
    expect(p.missingRequired).toEqual(['基金类型']);
    const ok = await commit({
      ledger: 'fund',
      fileName: 'f.csv',
      bytes,
      defaults: [{ field: 'kind', value: '子基金' }],
    });
    expect(ok.created).toBe(1);
    const f = (await listRows(t.db, 'fund')).find((x) => x.name === '深圳坪山生物医药产业基金')!;
    expect(f).toMatchObject({
      kind: 'sub',
      total_size_fen: 5 * 10_000_000_000,
      established_date: '2021-03-01',
    });
  });
});

describe.skipIf(!SOFFICE)('an xlsx as a client saves it (LibreOffice converts a CSV)', () => {
  it('date cells, numbers and text that the spreadsheet left alone are all read', {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'funddesk-lo-csv-'));
    try {
      const src = join(dir, '出资台账.csv');
      writeFileSync(
        src,
        csv([
          ['基金', '日期', '类型', '金额（万元）', '备注'],
          [FUND, '2023-08-01', '实缴出资', '1,500.50', '首期'],
          [FUND, '2023/8/2', '实缴出资', '1.5亿', '二期'],
          [FUND2, '2023年8月3日', '收益分配', '１２３', '三期'],
        ]),
      );
      const [xlsx] = soffice([src], join(dir, 'out'), 'xlsx', 'CSV:44,34,76');
      const bytes = readFileSync(xlsx!);
      const p = await preview({ fileName: '出资台账.xlsx', bytes });
      expect(p.format).toBe('xlsx');
      expect(p.rows.filter((r) => r.status !== 'ok')).toEqual([]);
      await commit({ fileName: '出资台账.xlsx', bytes });
      expect((await listRows(t.db, 'cash_flow')).map((r) => [r.date, r.amount_fen, r.note])).toEqual([
        ['2023-08-01', 1_500_500_000, '首期'],
        ['2023-08-02', 15_000_000_000, '二期'],
        ['2023-08-03', 123_000_000, '三期'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('number formats of Chinese Excel and WPS', () => {
  it('recognises date and percent formats, built-in and custom', async () => {
    const { isDateFormat, isPercentFormat } = await import('../../src/main/services/import/xlsx-read');
    for (const f of [
      'yyyy"年"m"月"d"日"',
      '[$-804]yyyy"年"m"月"d"日";@',
      'yyyy/m/d',
      'yyyy\\-mm\\-dd',
      'm/d/yy h:mm',
      'YYYY-MM-DD',
    ]) {
      expect(isDateFormat(f), f).toBe(true);
    }
    for (const f of [
      'General',
      '#,##0.00',
      '#,##0.00"万元"',
      '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
      '0.00%',
      '[Red]0.00',
      '0.00E+00',
      '@',
    ]) {
      expect(isDateFormat(f), f).toBe(false);
    }
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('#,##0.00"%"')).toBe(false);
  });
});
