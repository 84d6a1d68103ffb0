import { Buffer } from 'node:buffer';
import type { evaluationChannels } from '../../shared/contract/evaluation';
import { safeFileName } from '../../shared/reports/format';
import { EXPORT_MIME, type ExportedFile } from '../../shared/reports/types';
import { exportReport } from '../export';
import { scorecardDocument, yearDocument } from '../services/evaluation/documents';
import {
  evaluationAudit,
  fundHistory,
  fundScorecard,
  saveScores,
  yearRows,
  yearScorecards,
} from '../services/evaluation/scorecards';
import { importTemplateXlsx, templateXlsx } from '../services/evaluation/template-xlsx';
import {
  copyTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  saveTemplate,
  setDefaultFamily,
  templateVersions,
} from '../services/evaluation/templates';
import { fail } from '../services/ledger/errors';
import { annualPack } from '../services/reports/annual-pack';
import type { HandlerMap } from './types';

const file = (fileName: string, mime: string, bytes: Uint8Array): ExportedFile => ({
  fileName,
  mime,
  base64: Buffer.from(bytes).toString('base64'),
  size: bytes.length,
});

export const evaluationHandlers: HandlerMap<keyof typeof evaluationChannels> = {
  'evaluation.templates': async (_i, ctx) => listTemplates(ctx.opened.raw),
  'evaluation.template': async (i, ctx) => {
    const t = getTemplate(ctx.opened.raw, i.id);
    return { ...t, versions: templateVersions(ctx.opened.raw, t.family_id) };
  },
  'evaluation.template.save': async (i, ctx) => saveTemplate(ctx.opened.raw, i.familyId, i.body),
  'evaluation.template.copy': async (i, ctx) => copyTemplate(ctx.opened.raw, i.id),
  'evaluation.template.delete': async (i, ctx) => {
    deleteTemplate(ctx.opened.raw, i.familyId);
    return { deleted: true as const };
  },
  'evaluation.template.default': async (i, ctx) => {
    setDefaultFamily(ctx.opened.raw, i.familyId);
    return { familyId: i.familyId };
  },
  'evaluation.template.export': async (i, ctx) => {
    const x = await templateXlsx(ctx.opened.raw, i.id);
    return file(x.fileName, EXPORT_MIME.xlsx, x.bytes);
  },
  'evaluation.template.import': async (i, ctx) =>
    importTemplateXlsx(ctx.opened.raw, Buffer.from(i.base64, 'base64')),
  'evaluation.year': async (i, ctx) => ({ year: i.year, rows: yearRows(yearScorecards(ctx.opened, i.year)) }),
  'evaluation.scorecard': async (i, ctx) => {
    const c = fundScorecard(ctx.opened, i.fundId, i.year);
    return { ...c, audit: c.evaluationId === null ? [] : await evaluationAudit(ctx.opened, c.evaluationId) };
  },
  'evaluation.save': async (i, ctx) => saveScores(ctx.opened, i),
  'evaluation.history': async (i, ctx) => fundHistory(ctx.opened, i.fundId, new Date().getFullYear() - 1),
  'evaluation.export': async (i, ctx) => {
    let doc: Awaited<ReturnType<typeof annualPack>>;
    if (i.kind === 'scorecard') {
      if (!i.fundId) fail('validation', '请选择基金');
      doc = scorecardDocument(ctx.opened, i.fundId, i.year);
    } else if (i.kind === 'year') doc = yearDocument(ctx.opened, i.year);
    else doc = await annualPack(ctx.opened, i.year);
    const task = `导出${doc.title}`;
    const r = await exportReport(doc, i.format, i.unit, {
      printPdf: ctx.printPdf,
      progress: ctx.progress ? (done, total) => ctx.progress?.(task, done, total) : undefined,
    });
    const name = doc.fund ? `${safeFileName(doc.fund.name)}_${r.fileName}` : r.fileName;
    return file(name, r.mime, r.bytes);
  },
};
