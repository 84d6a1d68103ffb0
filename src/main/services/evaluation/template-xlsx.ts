/**
 * A template as an xlsx workbook an office can read, edit in Excel and import back: sheet 指标 (one row per
 * indicator: 编号, 上级编号, 名称, 权重, 评分方式, 计算指标, 评分表 as “阈值:得分; …”, 评分标准), sheet 等级
 * (等级, 最低分) and sheet 模板 (名称, 说明). An import is checked like a save (weights, tables, grades) and
 * becomes a new template; nothing is written when a row is wrong.
 */
import type ExcelJS from 'exceljs';
import { METRIC_CODES, METRICS, type MetricCode } from '../../../shared/evaluation/metrics';
import type { Indicator, TemplateBody } from '../../../shared/evaluation/template';
import type { OpenedDb } from '../../db/open';
import { loadExcelJS } from '../../export/exceljs';
import { fail } from '../ledger/errors';
import { getTemplate, saveTemplate } from './templates';

const IND_HEAD = [
  '编号',
  '上级编号',
  '指标名称',
  '权重',
  '评分方式',
  '计算指标',
  '评分表（阈值:得分; …）',
  '评分标准',
];
const METHOD = { computed: '自动计算', manual: '手工评分' } as const;
const BOLD = { name: 'Microsoft YaHei', size: 10, bold: true };

export async function templateXlsx(
  raw: OpenedDb['raw'],
  id: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  const t = getTemplate(raw, id);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'FundDesk 基金台账';
  const ws = wb.addWorksheet('指标', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [8, 10, 26, 8, 10, 16, 36, 40].map((width) => ({ width }));
  ws.addRow(IND_HEAD).font = BOLD;
  for (const i of t.indicators) {
    ws.addRow([
      i.key,
      i.parent ?? '',
      i.name,
      i.weight,
      METHOD[i.method],
      i.metric ? METRICS[i.metric].label : '',
      i.scoring.map((p) => `${p.value}:${p.points}`).join('; '),
      i.guide ?? '',
    ]);
  }
  const g = wb.addWorksheet('等级');
  g.columns = [{ width: 12 }, { width: 10 }];
  g.addRow(['等级', '最低分']).font = BOLD;
  for (const x of t.grades) g.addRow([x.name, x.min]);
  const m = wb.addWorksheet('模板');
  m.columns = [{ width: 10 }, { width: 60 }];
  m.addRow(['名称', t.name]);
  m.addRow(['说明', t.note ?? '']);
  m.addRow(['版本', t.version]);
  m.addRow([
    '计算指标的评分表单位',
    METRIC_CODES.map((c) => `${METRICS[c].label}：${METRICS[c].unit}`).join('；'),
  ]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const safe = t.name.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `评价模板_${safe}_第${t.version}版.xlsx`, bytes };
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};
const number = (v: ExcelJS.CellValue): number => {
  const s = text(v).replace(/,/g, '');
  return s === '' ? Number.NaN : Number(s);
};

/** Read a template workbook (the export's layout) into a body; row errors name the row. */
export async function readTemplateXlsx(bytes: Buffer): Promise<TemplateBody> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    fail('validation', '无法读取该文件：请选择由“导出模板”生成或按其格式填写的 xlsx 文件');
  }
  const ws = wb.getWorksheet('指标');
  if (!ws) fail('validation', '文件中没有“指标”工作表（请按导出的模板格式填写）');
  const byLabel = new Map<string, MetricCode>(METRIC_CODES.map((c) => [METRICS[c].label, c]));
  const issues: { field: string | null; message: string; row: number }[] = [];
  const indicators: Indicator[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = IND_HEAD.map((_, k) => row.getCell(k + 1).value);
    if (cells.every((c) => text(c) === '')) return;
    const say = (message: string) => issues.push({ field: null, message: `第${n}行：${message}`, row: n });
    const method =
      text(cells[4]) === METHOD.computed ? 'computed' : text(cells[4]) === METHOD.manual ? 'manual' : null;
    if (!method) say('评分方式应为“自动计算”或“手工评分”');
    const metricLabel = text(cells[5]);
    const metric = metricLabel ? (byLabel.get(metricLabel) ?? null) : null;
    if (metricLabel && !metric)
      say(`计算指标“${metricLabel}”不在可选范围内（${[...byLabel.keys()].join('、')}）`);
    const scoring = text(cells[6])
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [v, p] = s.split(/[:：]/).map((x) => Number(x?.trim()));
        if (!Number.isFinite(v) || !Number.isFinite(p)) say(`评分表“${s}”应写成“阈值:得分”`);
        return { value: v ?? 0, points: p ?? 0 };
      });
    const weight = number(cells[3]);
    if (!Number.isFinite(weight)) say('权重必须是数字');
    indicators.push({
      key: text(cells[0]),
      parent: text(cells[1]) || null,
      name: text(cells[2]),
      weight,
      method: method ?? 'manual',
      metric,
      scoring,
      guide: text(cells[7]) || null,
    });
  });
  const grades: TemplateBody['grades'] = [];
  wb.getWorksheet('等级')?.eachRow((row, n) => {
    if (n === 1 || text(row.getCell(1).value) === '') return;
    grades.push({ name: text(row.getCell(1).value), min: number(row.getCell(2).value) });
  });
  const meta = new Map<string, string>();
  wb.getWorksheet('模板')?.eachRow((row) => {
    meta.set(text(row.getCell(1).value), text(row.getCell(2).value));
  });
  if (issues.length) fail('validation', `模板未导入：${issues[0]!.message}`, issues);
  return { name: meta.get('名称') || '导入的模板', note: meta.get('说明') || null, indicators, grades };
}

/** Import a workbook as a new template (all or nothing). */
export async function importTemplateXlsx(raw: OpenedDb['raw'], bytes: Buffer) {
  const body = await readTemplateXlsx(bytes);
  return saveTemplate(raw, null, body);
}
