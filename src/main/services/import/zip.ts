import { crc32, inflateRawSync } from 'node:zlib';
import { fmtMB, LIMITS, refuse } from './limits';

/**
 * A small, defensive reader of the zip container of an xlsx file. It reads the central directory
 * first and refuses the file before anything is inflated when the entries would expand beyond the
 * limits (a zip bomb), when the file is truncated, encrypted or zip64. Each part is inflated with a
 * hard cap on its output, so a directory that lies about sizes cannot exhaust memory either.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const TRUNCATED = '文件不完整（可能下载或复制没有完成），无法作为 Excel 文件读取；请重新获取原文件';

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

/** Reads and checks the central directory. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) refuse(TRUNCATED);
  const eocd = findEocd(buf);
  if (eocd < 0) refuse(TRUNCATED);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) refuse('不支持分卷压缩的文件');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    refuse('文件过大（zip64 格式），超出导入上限');
  }
  if (count > LIMITS.maxZipEntries) refuse(`文件包含 ${count} 个内部条目，不像是台账工作簿，已拒绝`);
  if (cdOffset + cdSize > eocd) refuse(TRUNCATED);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH_SIG) refuse(TRUNCATED);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) refuse(TRUNCATED);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      refuse('文件过大（zip64 格式），超出导入上限');
    }
    if (flags & 0x1) refuse('文件已加密（设置了打开密码），请在 Excel/WPS 中取消密码后另存再导入');
    total += uncompressedSize;
    if (total > LIMITS.maxUnzippedTotal) {
      refuse(`文件解压后超过 ${fmtMB(LIMITS.maxUnzippedTotal)}（可能是“压缩炸弹”），已拒绝`);
    }
    if (
      uncompressedSize > 1024 * 1024 &&
      uncompressedSize / Math.max(compressedSize, 1) > LIMITS.maxCompressionRatio
    ) {
      refuse(
        `文件中的“${name.slice(0, 60)}”压缩比异常（${fmtMB(compressedSize)} 解压为 ${fmtMB(uncompressedSize)}），可能是“压缩炸弹”，已拒绝`,
      );
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one entry, never producing more than its declared size (and the part limit). */
export function extractEntry(buf: Buffer, e: ZipEntry): Buffer {
  if (e.uncompressedSize > LIMITS.maxPartBytes) {
    refuse(
      `工作簿中的“${e.name}”解压后有 ${fmtMB(e.uncompressedSize)}，超过上限 ${fmtMB(LIMITS.maxPartBytes)}，请拆分为多个文件`,
    );
  }
  const lo = e.localOffset;
  if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== LFH_SIG) refuse(TRUNCATED);
  const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) refuse(TRUNCATED);
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    if (e.uncompressedSize === 0) return Buffer.alloc(0);
    try {
      out = inflateRawSync(data, { maxOutputLength: e.uncompressedSize });
    } catch (err) {
      if (err instanceof RangeError || /maxOutputLength|larger than/i.test((err as Error).message)) {
        refuse(`工作簿中的“${e.name}”实际解压大小与声明不符（可能是“压缩炸弹”），已拒绝`);
      }
      refuse(`工作簿已损坏，无法解压“${e.name}”（${(err as Error).message}）`);
    }
  } else {
    refuse(`工作簿使用了不支持的压缩方式（${e.method}），请在 Excel/WPS 中另存为 .xlsx 后再导入`);
  }
  if (out.length !== e.uncompressedSize || crc32(out) >>> 0 !== e.crc >>> 0) {
    refuse(`工作簿已损坏（“${e.name}”校验失败），请重新获取原文件`);
  }
  return out;
}
