import { describe, expect, it } from 'vitest';
import { resolveByName } from '../../src/shared/columns/convert';
import { CASH_FLOW_COLUMNS, SUB_FUND_COLUMNS } from '../../src/shared/columns/ledgers';
import { convertRows, mapColumns, normalizeHeader, parseTsv, unitNote } from '../../src/shared/columns/paste';

describe('parseTsv: text as Excel, WPS and LibreOffice put it on the clipboard', () => {
  it('splits tabs and line breaks (\\r\\n or \\n) and drops blank lines', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\n\n\t\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('')).toEqual([]);
  });
  it('keeps empty cells, leading and trailing', () => {
    expect(parseTsv('\tb\t\n')).toEqual([['', 'b', '']]);
  });
  it('reads quoted cells with line breaks, tabs and doubled quotes', () => {
    expect(parseTsv('"第一行\r\n第二行"\tx\n"他说""好""\tok"\ty')).toEqual([
      ['第一行\n第二行', 'x'],
      ['他说"好"\tok', 'y'],
    ]);
  });
  it('takes a lone quote inside an unquoted cell literally', () => {
    expect(parseTsv('5" 屏\t"半"角\n')).toEqual([['5" 屏', '"半"角']]);
    expect(parseTsv('"未闭合\tb')).toEqual([['"未闭合', 'b']]);
  });
  it('ignores a byte-order mark', () => {
    expect(parseTsv('\uFEFF基金\t日期')).toEqual([['基金', '日期']]);
  });
});

describe('headers', () => {
  it('normalizeHeader strips marks and reads the unit', () => {
    expect(normalizeHeader(' 认缴规模（亿元） ')).toEqual({ name: '认缴规模', unit: 'yi' });
    expect(normalizeHeader('金额(万)')).toEqual({ name: '金额', unit: 'wan' });
    expect(normalizeHeader('*金额（元）')).toEqual({ name: '金额', unit: 'yuan' });
    expect(normalizeHeader('基金（必填）')).toEqual({ name: '基金', unit: null });
    expect(normalizeHeader('其他LP认缴')).toEqual({ name: '其他LP认缴', unit: null });
  });
  it('a header row is detected by its column names, with or without units, in any order', () => {
    const rows = parseTsv('类型\t金额（亿元）\t基金名称\t日期\t备注说明\nx\t1\ty\t2024-01-01\tz');
    const m = mapColumns(rows, CASH_FLOW_COLUMNS, CASH_FLOW_COLUMNS);
    expect(m.hasHeader).toBe(true);
    expect(m.columns.map((c) => c.spec?.field ?? null)).toEqual([
      'type',
      'amount_fen',
      'fund_id',
      'date',
      null,
    ]);
    expect(m.columns[1]!.unit).toBe('yi');
    expect(m.columns[4]!.ignored).toBe('没有对应的列');
    expect(m.missing).toEqual([]);
  });
  it('without a header, columns follow the grid order; read-only and extra columns are not imported', () => {
    const rows = parseTsv('甲基金\t赵\t投资期\t2020-01-01\t10\t3\t1.2\tX\t多余');
    const order = SUB_FUND_COLUMNS.filter((c) => !c.hidden);
    const m = mapColumns(rows, SUB_FUND_COLUMNS, order);
    expect(m.hasHeader).toBe(false);
    expect(m.columns.slice(0, 5).map((c) => c.spec?.field)).toEqual([
      'name',
      'manager_id',
      'status',
      'established_date',
      'total_size_fen',
    ]);
    expect(m.columns[6]!.ignored).toBe('“引导基金实缴”为计算列，不导入');
  });
  it('a repeated column is used once; missing required columns are reported', () => {
    const m = mapColumns(parseTsv('日期\t日期\t金额'), CASH_FLOW_COLUMNS, CASH_FLOW_COLUMNS);
    expect(m.columns[1]!.ignored).toBe('与前面的“日期”列重复');
    expect(m.missing.map((s) => s.header)).toEqual(['基金', '类型']);
  });
});

describe('convertRows', () => {
  const funds = [{ id: 7, name: '深圳坪山天使投资基金合伙企业（有限合伙）' }];
  const resolve = (_: unknown, t: string) => resolveByName('fund', funds, t);
  it('converts each cell, money in the header unit, else in the grid unit; problems name the cell', () => {
    const rows = parseTsv(
      [
        '基金\t日期\t类型\t金额（万元）\t备注',
        '深圳坪山天使投资基金合伙企业(有限合伙)\t2024/3/1\t实缴出资\t1,200\t第一期',
        '天使投资\t2024年3月2日\t分配\t0.5亿\t',
        '无名基金\t2024-02-30\t借款\t-5\t',
      ].join('\n'),
    );
    const m = mapColumns(rows, CASH_FLOW_COLUMNS, CASH_FLOW_COLUMNS);
    const out = convertRows(rows, m, 'yuan', resolve);
    expect(out[0]).toEqual({
      row: 1,
      values: { fund_id: 7, date: '2024-03-01', type: 'call', amount_fen: 1_200_000_000, note: '第一期' },
      issues: [],
    });
    expect(out[1]!.values).toMatchObject({
      fund_id: 7,
      type: 'distribution',
      amount_fen: 5_000_000_000,
      note: null,
    });
    expect(out[2]!.issues).toEqual([
      { field: 'fund_id', message: '找不到名为“无名基金”的基金' },
      { field: 'date', message: '日期：日期无效：2024年2月没有30日' },
      { field: 'type', message: '类型应为：实缴出资、收益分配、管理费、其他' },
      { field: 'amount_fen', message: '金额：金额不能为负数' },
    ]);
    expect(unitNote(m, 'yuan')).toBe(
      '表头注明单位的按表头读取（金额：万元）。金额中写明的单位（如 1.5亿、3000万）优先。',
    );
  });
  it('bare amounts without a header unit are read in the grid unit, and the dialog says so', () => {
    const rows = parseTsv('天使投资\t2024-01-01\t实缴出资\t2,500');
    const m = mapColumns(rows, CASH_FLOW_COLUMNS, CASH_FLOW_COLUMNS);
    expect(convertRows(rows, m, 'wan', resolve)[0]!.values.amount_fen).toBe(2_500_000_000);
    expect(unitNote(m, 'wan')).toContain('未写单位的金额按当前单位“万元”读取（金额）');
  });
  it('rows missing a required column are refused before asking the database', () => {
    const rows = parseTsv('日期\t金额\n2024-01-01\t5');
    const m = mapColumns(rows, CASH_FLOW_COLUMNS, CASH_FLOW_COLUMNS);
    expect(convertRows(rows, m, 'wan', resolve)[0]!.issues).toEqual([
      { field: 'fund_id', message: '缺少必填列“基金”' },
      { field: 'type', message: '缺少必填列“类型”' },
    ]);
  });
});
