import { UNIT_LABEL, type Unit } from '../../shared/money';
import { chineseDate, safeFileName } from '../../shared/reports/format';
import type { ExportFormat, ReportData } from '../../shared/reports/types';

/** Reports progress of a long export: done of total steps. */
export type Progress = (done: number, total: number) => void;

/** Width of text in “character cells”: CJK and full-width count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** “截至日期：2025年12月31日　金额单位：万元” (+ 示例数据). */
export function subtitleLine(r: ReportData, unit: Unit): string {
  const parts = [`截至日期：${chineseDate(r.asOf)}`, `金额单位：${UNIT_LABEL[unit]}`];
  if (r.subtitle && r.name !== 'fund') parts.unshift(r.subtitle);
  if (r.isDemo) parts.push('示例数据');
  return parts.join('　');
}

/** e.g. “子基金台账_截至2025-12-31.xlsx”. */
export function exportFileName(r: ReportData, format: ExportFormat): string {
  return `${safeFileName(r.title)}_截至${r.asOf}.${format}`;
}

/** Let the event loop breathe during a long synchronous loop (IPC, progress). */
export const breathe = () => new Promise<void>((ok) => setImmediate(ok));
