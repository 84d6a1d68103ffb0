import { Buffer } from 'node:buffer';
import type { reportsChannels } from '../../shared/contract/reports';
import { exportReport } from '../export';
import { throwIfCancelled } from '../services/cancel';
import { buildReport } from '../services/reports';
import type { HandlerMap } from './types';

export const reportsHandlers: HandlerMap<keyof typeof reportsChannels> = {
  'report.get': async (input, ctx) => buildReport(ctx.opened, input.name, input),
  'report.export': async (input, ctx) => {
    const report = await buildReport(ctx.opened, input.name, input);
    const task = `导出${report.title}`;
    const file = await exportReport(report, input.format, input.unit, {
      printPdf: ctx.printPdf,
      signal: ctx.signal,
      progress: (done, total) => {
        throwIfCancelled(ctx.signal, task);
        ctx.progress?.(task, done, total);
      },
    });
    return {
      fileName: file.fileName,
      mime: file.mime,
      base64: Buffer.from(file.bytes).toString('base64'),
      size: file.bytes.length,
    };
  },
};
