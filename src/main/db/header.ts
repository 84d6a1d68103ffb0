import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * What the first 100 bytes of a SQLite file (its header, sqlite.org/fileformat.html §1.3) say about the file,
 * read before SQLite opens it: a file whose header is not SQLite's, or that is shorter than its header says
 * (truncated by a failed copy or a full disk), is damaged. SQLite itself would open a truncated file and fail
 * only on the pages that are gone, at some later read.
 */

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A Chinese description of what is wrong with the file, or null when the header is sound. */
export function fileProblem(path: string): string | null {
  const size = statSync(path).size;
  if (size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let got: number;
  try {
    got = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (got < 100 || !header.subarray(0, 16).equals(MAGIC)) return '文件头不是 SQLite 数据库的文件头';
  const rawPage = header.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return '文件头中的页大小无效';
  const pages = header.readUInt32BE(28);
  const sizeValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  // Pages still in the -wal may extend the file at the next checkpoint: only a file without one is judged.
  const walSize = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
  if (sizeValid && walSize === 0 && pages * pageSize > size) {
    return `文件不完整：应有 ${pages * pageSize} 字节，实际只有 ${size} 字节`;
  }
  return null;
}
