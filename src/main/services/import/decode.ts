import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { refuse } from './limits';

/**
 * Decodes a text file (CSV) the way Excel and WPS on Chinese Windows save it: UTF-8 with or without
 * BOM, GBK/GB18030 ("CSV (逗号分隔)"), or UTF-16 ("Unicode 文本"). Anything else — binary data, a
 * legacy encoding that is not Chinese — is refused with a message that says how to re-save the file.
 */
export interface Decoded {
  text: string;
  /** Shown to the user: 'UTF-8', 'UTF-8（带 BOM）', 'GB18030', 'UTF-16LE' … */
  encoding: string;
}

const OTHER_CJK = /^(EUC-KR|CP949|UHC|SHIFT_JIS|CP932|EUC-JP|ISO-2022|Big5|EUC-TW)/i;

const RESAVE = '请在 Excel/WPS 中打开后“另存为”“CSV UTF-8（逗号分隔）”或 .xlsx 再导入';

function utf16Guess(b: Buffer): 'utf16le' | 'utf16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf16be';
  return null;
}

/**
 * Share of characters that text never holds: control characters other than tab, CR, LF, FF and EOF, and
 * U+FFFD (bytes the decoder could not read). A few are text with a stray character (a \x0b from a copied
 * cell: the import removes it, saying where, convert.ts); many are binary data.
 */
function looksBinary(text: string): boolean {
  let bad = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1a) || c === 0xfffd) bad++;
  }
  // More than a few, and more than 1 in 100 characters: binary data, not a CSV with stray characters.
  return bad > 8 && bad / n > 0.01;
}

function checkText(text: string, encoding: string): Decoded {
  if (looksBinary(text) || text.includes('\ufffd')) {
    refuse(
      `文件内容不是文本（含有二进制数据或无法识别的字符，按 ${encoding} 读取失败），不是有效的 CSV 文件；${RESAVE}`,
    );
  }
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x1a) end--; // DOS end-of-file marks
  return { text: text.slice(0, end), encoding };
}

/** Share of double-byte characters that fall in the GB2312 area (common simplified Chinese). */
function gb2312Share(b: Buffer): number {
  let pairs = 0;
  let gb2312 = 0;
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const lead = b[i]!;
    if (lead < 0x81) continue;
    const trail = b[i + 1] ?? 0;
    // A GB18030 four-byte sequence: lead, 0x30–0x39, lead, 0x30–0x39.
    if (trail >= 0x30 && trail <= 0x39) {
      pairs++;
      i += 3;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    i++;
  }
  return pairs === 0 ? 1 : gb2312 / pairs;
}

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    } catch {
      refuse(`文件标明为 UTF-8 编码，但内容不是有效的 UTF-8（文件可能已损坏）；${RESAVE}`);
    }
    return checkText(text, 'UTF-8（带 BOM）');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkText(iconv.decode(bytes.subarray(2), 'utf16le'), 'UTF-16LE');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkText(iconv.decode(bytes.subarray(2), 'utf16be'), 'UTF-16BE');
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0)) {
    const u16 = utf16Guess(bytes);
    if (u16) return checkText(iconv.decode(bytes, u16), u16 === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE');
    refuse(`文件内容是二进制数据，不是 CSV 文本文件；${RESAVE}`);
  }
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: Chinese Windows' ANSI code page is GBK; GB18030 is its superset.
  }
  if (utf8 !== null) return checkText(utf8, 'UTF-8');
  const text = iconv.decode(bytes, 'gb18030');
  const sample = bytes.subarray(0, 64 * 1024);
  const guesses = jschardet.detectAll(sample);
  const top = guesses[0];
  const named = top?.encoding ? `（看起来像 ${top.encoding}）` : '';
  const gb = guesses.find((g) => /^GB/i.test(g.encoding ?? ''));
  // Korean, Japanese and Traditional Chinese legacy encodings can decode as (garbled) GBK: trust the
  // detector when it is surer of one of them than of GB18030.
  const otherCjk = !!top && OTHER_CJK.test(top.encoding ?? '') && (!gb || gb.confidence < top.confidence);
  if (text.includes('\ufffd') || gb2312Share(bytes) < 0.6 || otherCjk) {
    refuse(`无法识别文件的文字编码${named}：既不是 UTF-8 也不是 GBK/GB18030；${RESAVE}`);
  }
  return checkText(text, 'GB18030');
}
