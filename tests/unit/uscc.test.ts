import { describe, expect, it } from 'vitest';
import { checkUscc, completeUscc, usccCheckChar } from '../../src/shared/uscc';

/**
 * Codes published by well-known companies (business licences, annual reports). Each was checked
 * against the GB 32100-2015 algorithm; two are also worked through by hand below.
 */
const REAL_CODES: [string, string][] = [
  ['华为技术有限公司', '914403001922038216'],
  ['深圳市腾讯计算机系统有限公司', '91440300708461136T'],
  ['阿里巴巴（中国）有限公司', '91330100799655058B'],
  ['中国石油化工股份有限公司', '91110000710926094P'],
  ['中国工商银行股份有限公司', '91100000100003962T'],
  ['贵州茅台酒股份有限公司', '91520000214434146R'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['比亚迪股份有限公司', '91440300192317458F'],
  ['中国平安保险（集团）股份有限公司', '91440300100012316L'],
  ['中国移动通信集团有限公司', '911100007109250324'],
  ['北京百度网讯科技有限公司', '91110000802100433B'],
];

describe('usccCheckChar', () => {
  it('matches a hand calculation for 华为 914403001922038216', () => {
    // values 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 × weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // = 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31 − 25 = 6 → '6'
    expect(usccCheckChar('91440300192203821')).toBe('6');
  });

  it('matches a hand calculation for 腾讯 91440300708461136T (letter check character)', () => {
    // 9+3+36+108+0+78+0+0+140+0+200+52+48+24+10+90+168 = 966; 966 mod 31 = 5; 31 − 5 = 26 → 'T'
    expect(usccCheckChar('91440300708461136')).toBe('T');
  });

  it('gives the check character of each real code', () => {
    for (const [, code] of REAL_CODES) expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps a remainder of 0 to '0' (31 → '0')", () => {
    // sum = 31 (9×1 + 1×3 + 1×19): 31 mod 31 = 0 → 31 − 0 = 31 → '0'
    expect(usccCheckChar('91001000000000000')).toBe('0');
    expect(checkUscc('910010000000000000')).toEqual({ ok: true, code: '910010000000000000' });
  });

  it('uses the 31-character alphabet for letters in the body', () => {
    // Y has value 30: 1×9 + 3×1 + 30×20 = 612 = 19×31 + 23 → 31 − 23 = 8
    expect(usccCheckChar('91000000Y00000000')).toBe('8');
    // A = 10: 9 + 3 + 10×20 = 212 = 6×31 + 26 → 5
    expect(usccCheckChar('91000000A00000000')).toBe('5');
  });

  it('normalizes full-width and lower-case input', () => {
    expect(usccCheckChar('９１４４０３００７０８４６１１３６')).toBe('T');
    expect(usccCheckChar('91110108551385082')).toBe('Q');
  });

  it('throws for a body that is not 17 valid characters', () => {
    expect(() => usccCheckChar('9144030019220382')).toThrow('当前为16位');
    expect(() => usccCheckChar('914403001922038216')).toThrow('当前为18位');
    expect(() => usccCheckChar('9144030019220382I')).toThrow('第17位字符“I”不是有效字符');
    expect(() => usccCheckChar('914403A0192203821')).toThrow('第3-8位应为6位行政区划代码');
  });
});

describe('completeUscc', () => {
  it('appends the check character', () => {
    expect(completeUscc('91440300192203821')).toBe('914403001922038216');
    expect(completeUscc(' 91110108551385082 ')).toBe('91110108551385082Q');
    expect(completeUscc('91330100799655058')).toBe('91330100799655058B');
  });

  it('round-trips every real code', () => {
    for (const [, code] of REAL_CODES) expect(completeUscc(code.slice(0, 17).toLowerCase())).toBe(code);
  });

  it('produces codes that checkUscc accepts', () => {
    for (const body of ['11110000000013338', '52440300MJL123456', 'Y1310115MA1K3JLY0', '31110000400000014']) {
      const code = completeUscc(body);
      expect(code).toHaveLength(18);
      expect(checkUscc(code)).toEqual({ ok: true, code });
    }
  });

  it('throws on invalid bodies', () => {
    expect(() => completeUscc('')).toThrow(RangeError);
    expect(() => completeUscc('9144030019220382O')).toThrow('不使用I、O、Z、S、V');
  });
});

describe('checkUscc: valid codes', () => {
  it.each(REAL_CODES)('accepts %s %s', (_name, code) => {
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });

  it('normalizes full-width characters, lower case and spaces', () => {
    expect(checkUscc('９１４４０３００７０８４６１１３６Ｔ')).toEqual({
      ok: true,
      code: '91440300708461136T',
    });
    expect(checkUscc('91440300708461136t')).toEqual({ ok: true, code: '91440300708461136T' });
    expect(checkUscc('  91110108551385082q\u3000')).toEqual({ ok: true, code: '91110108551385082Q' });
    expect(checkUscc('9144 0300 7084 6113 6T')).toEqual({ ok: true, code: '91440300708461136T' });
  });

  it('does not enforce the GB 11714 check digit of the organization code (position 17)', () => {
    // '00000000' + '1' fails the GB 11714 check, yet a correct GB 32100 check character is accepted.
    const code = completeUscc('91110000000000001');
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });
});

describe('checkUscc: invalid codes', () => {
  it('rejects empty input', () => {
    expect(checkUscc('')).toEqual({ ok: false, error: '请输入统一社会信用代码' });
    expect(checkUscc('  ')).toEqual({ ok: false, error: '请输入统一社会信用代码' });
  });

  it.each([
    ['9144030019220382', 16],
    ['91440300192203821', 17],
    ['9144030019220382166', 19],
    ['1', 1],
    ['440300192203821', 15], // an old-style 15-digit registration number
    ['192203821', 9], // an organization code
  ])('rejects %s for its length', (input, n) => {
    expect(checkUscc(input)).toEqual({ ok: false, error: `统一社会信用代码应为18位，当前为${n}位` });
  });

  it('counts characters, not UTF-16 units, in the length message', () => {
    expect(checkUscc('9144030019220382𠀀')).toEqual({
      ok: false,
      error: '统一社会信用代码应为18位，当前为17位',
    });
  });

  it.each([
    ['91440300I08461136T', 9, 'I'],
    ['91440300708461136O', 18, 'O'],
    ['Z1440300708461136T', 1, 'Z'],
    ['9S440300708461136T', 2, 'S'],
    ['9144030070846113VT', 17, 'V'],
    ['91440300708461136-', 18, '-'],
    ['91440300708461136*', 18, '*'],
    ['9144030070846113６中', 18, '中'],
  ])('rejects %s: position %i has the invalid character %s', (input, pos, ch) => {
    expect(checkUscc(input)).toEqual({
      ok: false,
      error: `第${pos}位字符“${ch}”不是有效字符（不使用I、O、Z、S、V）`,
    });
  });

  it('reports lower-case forbidden letters in upper case', () => {
    expect(checkUscc('91440300708461136o')).toEqual({
      ok: false,
      error: '第18位字符“O”不是有效字符（不使用I、O、Z、S、V）',
    });
  });

  it.each(['91A40300708461136T', '9144030A708461136T', '914403MA708461136T', '91YYYYYY708461136T'])(
    'rejects %s: positions 3–8 are not digits',
    (input) => {
      expect(checkUscc(input)).toEqual({ ok: false, error: '第3-8位应为6位行政区划代码' });
    },
  );

  it.each([
    ['914403001922038217', '6', '7'],
    ['91440300708461136A', 'T', 'A'],
    ['91110108551385082R', 'Q', 'R'],
    ['911100007109250320', '4', '0'],
    ['91440300708461163T', 'L', 'T'], // digits 16–17 swapped: +90 − 84 → 972 mod 31 = 11 → 31 − 11 = 20 → 'L'
    ['91440300708461137T', 'X', 'T'], // digit 17 mistyped: 966 + 28 = 994 mod 31 = 2 → 29 → 'X'
  ])('rejects %s: check character should be %s, not %s', (input, expected, actual) => {
    expect(checkUscc(input)).toEqual({
      ok: false,
      error: `校验位错误：应为“${expected}”，实际为“${actual}”`,
      expected,
    });
  });

  it('detects every single-character typo in a real code', () => {
    const code = '91440300708461136T';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let checked = 0;
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i] || (i >= 2 && i < 8 && !/\d/.test(ch))) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(checkUscc(typo).ok, typo).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(12 * 30 + 6 * 9);
  });
});
