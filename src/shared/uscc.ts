/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 * 18 characters: 1 登记管理部门代码, 2 机构类别代码, 3–8 行政区划码, 9–17 组织机构代码, 18 校验码.
 * Only the GB 32100 check character (position 18) is enforced, not the GB 11714 check inside the
 * organization code (position 17), because many codes in real use fail the latter.
 */
import { toHalfWidth } from './text';

export type UsccResult = { ok: true; code: string } | { ok: false; error: string; expected?: string };

/** The 31 characters allowed in a code (I, O, Z, S, V are not used). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function normalize(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** Checks the first 17 characters (already normalized); returns an error message or null. */
function checkBody(code: string): string | null {
  const chars = [...code];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!CHARSET.includes(ch)) return `第${i + 1}位字符“${ch}”不是有效字符（不使用I、O、Z、S、V）`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第3-8位应为6位行政区划代码';
  return null;
}

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** The check character (position 18) for the first 17 characters. Throws RangeError if they are invalid. */
export function usccCheckChar(first17: string): string {
  const body = normalize(first17);
  const length = [...body].length;
  if (length !== 17) throw new RangeError(`统一社会信用代码前17位应为17位，当前为${length}位`);
  const error = checkBody(body);
  if (error) throw new RangeError(error);
  return checkChar(body);
}

/** The full 18-character code for the first 17 characters. Throws RangeError if they are invalid. */
export function completeUscc(first17: string): string {
  return normalize(first17) + usccCheckChar(first17);
}

/** Validates a code as typed (full-width, lower case and spaces are tolerated) and returns it normalized. */
export function checkUscc(input: string): UsccResult {
  const code = normalize(input);
  if (code.length === 0) return { ok: false, error: '请输入统一社会信用代码' };
  const length = [...code].length;
  if (length !== 18) return { ok: false, error: `统一社会信用代码应为18位，当前为${length}位` };
  const error = checkBody(code);
  if (error) return { ok: false, error };
  const expected = checkChar(code);
  const actual = code[17] as string;
  if (actual !== expected)
    return { ok: false, error: `校验位错误：应为“${expected}”，实际为“${actual}”`, expected };
  return { ok: true, code };
}
