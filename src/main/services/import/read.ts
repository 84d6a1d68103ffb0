import { readCsv } from './csv-read';
import { fmtMB, LIMITS, refuse } from './limits';
import type { ReadResult } from './table';
import { readXlsx } from './xlsx-read';

/**
 * Reads an import file by what it is, not by what its name says: a zip is read as xlsx, text as CSV;
 * old .xls/.et (OLE), PDF, images and other binary files are refused with a message saying what to do.
 */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(b: Buffer, sig: number[] | Buffer) {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

export function readImportFile(fileName: string, bytes: Buffer, sheet?: string | null): ReadResult {
  if (bytes.length === 0) refuse(`文件“${fileName}”是空的`);
  if (bytes.length > LIMITS.maxFileBytes) {
    refuse(
      `文件有 ${fmtMB(bytes.length)}，超过导入上限 ${fmtMB(LIMITS.maxFileBytes)}；请拆分为多个文件后分别导入`,
    );
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return readXlsx(bytes, sheet);
  }
  if (startsWith(bytes, OLE)) {
    refuse(
      ext === 'xlsx'
        ? `文件“${fileName}”已加密（设置了打开密码）或不是有效的 .xlsx 文件；请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入`
        : `文件“${fileName}”是旧版 Excel/WPS 格式（.xls/.et），请在 Excel/WPS 中“另存为” .xlsx 后再导入`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    refuse(`文件“${fileName}”是 PDF，不是台账表格；请导入 .xlsx 或 CSV 文件`);
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38])
  ) {
    refuse(`文件“${fileName}”是图片，不是台账表格；请导入 .xlsx 或 CSV 文件`);
  }
  if (startsWith(bytes, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66])) {
    refuse(`文件“${fileName}”是数据库文件；要恢复数据库，请使用“备份与恢复”`);
  }
  if (
    startsWith(bytes, [0x1f, 0x8b]) ||
    startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])
  ) {
    refuse(`文件“${fileName}”是压缩包，请先解压，再导入其中的 .xlsx 或 CSV 文件`);
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    refuse(`文件“${fileName}”不是有效的 .xlsx 文件（内容不完整或已损坏）；请在 Excel/WPS 中重新保存后再导入`);
  }
  return readCsv(bytes);
}
