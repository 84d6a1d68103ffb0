import type ExcelJS from 'exceljs';
import { headerWithUnit } from '../../../shared/columns/convert';
import type { ColumnSpec } from '../../../shared/columns/spec';
import type { Entity } from '../../../shared/domain';
import { UNIT_LABEL, type Unit } from '../../../shared/money';
import type { Db } from '../../db/open';
import { loadExcelJS } from '../../export/exceljs';
import { importColumns } from './headers';
import {
  CSV_MIME,
  type ExportFile,
  exportHeaders,
  ledgerTitle,
  setUpSheet,
  XLSX_MIME,
} from './ledger-export';
import { LINK_LABEL } from './links';

/**
 * The import template of a ledger: the headers of its export (so a filled template and an export
 * import the same way), drop-down lists for coded columns and existing names, and a sheet that says
 * how to fill each column.
 */

const HOW: Record<ColumnSpec['kind'], string> = {
  text: '文字',
  money: '金额，按表头单位填写；也可写“1.5亿”“3000万”“12,345.67”',
  date: '日期，如 2023-08-01、2023/8/1、2023年8月1日',
  enum: '从下拉列表选择',
  multiEnum: '可多选，用顿号“、”分隔',
  link: '填写名称（须与系统中已有的名称一致）',
  number: '数字',
  ratio: '数字，如 1.5',
  bool: '是 / 否',
};

/** exceljs keeps range validations (typed only per cell). */
function validations(ws: ExcelJS.Worksheet) {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

const TABLE = {
  fund: 'funds',
  enterprise: 'enterprises',
  manager: 'managers',
  institution: 'institutions',
} as const;

function describe(s: ColumnSpec, unit: Unit): string {
  let how = HOW[s.kind];
  if (s.kind === 'money') how = `金额（${UNIT_LABEL[unit]}），也可写“1.5亿”“3000万”“12,345.67”`;
  if (s.kind === 'enum' || s.kind === 'multiEnum')
    how += `：${s.set.codes.map((c) => s.set.label[c]).join('、')}`;
  if (s.kind === 'link') how = `填写${LINK_LABEL[s.link]}名称（须与系统中已有的一致）`;
  if (s.field === 'uscc') how = '18 位统一社会信用代码（请将此列设为文本格式）';
  if (s.kind === 'number' && s.suffix === '%') how = '百分比数字，如 12.5 表示 12.5%';
  return how;
}

export async function importTemplate(
  db: Db | null,
  entity: Entity,
  format: 'xlsx' | 'csv',
  unit: Unit,
): Promise<ExportFile> {
  const title = `${ledgerTitle(entity)}导入模板`;
  if (format === 'csv') {
    const line = exportHeaders(entity, unit)
      .map((h) => (/[",\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h))
      .join(',');
    return {
      fileName: `${title}.csv`,
      mime: CSV_MIME,
      data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${line}\r\n`, 'utf8')]),
      rows: 0,
    };
  }
  const specs = importColumns(entity);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'FundDesk';
  const ws = wb.addWorksheet(ledgerTitle(entity).replace(/台账$/, ''));
  setUpSheet(ws, specs, unit);
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const guide = wb.addWorksheet('填写说明');

  let listCol = 0;
  const LAST = 5001;
  for (const [i, s] of specs.entries()) {
    let values: string[] | null = null;
    if (s.kind === 'enum') values = s.set.codes.map((c) => s.set.label[c]!);
    if (s.kind === 'bool') values = ['是', '否'];
    if (s.kind === 'link' && db) {
      const names = await db.selectFrom(TABLE[s.link]).select('name').orderBy('name').limit(5000).execute();
      values = names.map((n) => n.name);
    }
    if (!values || values.length === 0) continue;
    listCol++;
    const col = lists.getColumn(listCol);
    col.values = [s.header, ...values];
    const letter = col.letter;
    const target = ws.getColumn(i + 1).letter;
    validations(ws).add(`${target}2:${target}${LAST}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: s.kind !== 'link',
      errorStyle: 'stop',
      errorTitle: s.header,
      error: `请从下拉列表中选择${s.header}`,
    });
  }
  for (const [i, s] of specs.entries()) {
    if (
      s.field === 'uscc' ||
      s.field === 'contact_phone' ||
      s.field === 'amac_code' ||
      s.field === 'doc_no'
    ) {
      ws.getColumn(i + 1).numFmt = '@';
    }
  }

  guide.columns = [
    { header: '列名（表头）', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 80 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const s of specs)
    guide.addRow([headerWithUnit(s, UNIT_LABEL[unit]), s.required ? '必填' : '', describe(s, unit)]);
  guide.addRow([]);
  for (const note of [
    '说明：',
    '1. 请在第一个工作表中从第 2 行开始填写，每行一条记录；不要修改表头。',
    `2. 金额列的单位写在表头括号中（本模板为${UNIT_LABEL[unit]}）；单元格中写明单位（如“1.5亿”）时以单元格为准。`,
    '3. 导入前会逐行检查并显示错误，全部无误后才会一次性写入；与已有记录重复的行会被标出。',
    '4. 从 FundDesk 导出的台账文件可以直接导入。',
  ]) {
    guide.addRow([note]);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${title}.xlsx`, mime: XLSX_MIME, data, rows: 0 };
}
