import { describe, expect, it } from 'vitest';
import {
  FEN_PER_UNIT,
  fenToUnit,
  formatMoney,
  parseMoney,
  UNIT_DECIMALS,
  UNIT_LABEL,
  UNITS,
  type Unit,
  yuanToFen,
} from '../../src/shared/money';

const EXAMPLES = '示例：1.5亿、3000万、12,345.67';

/** The fen of a successful parse; fails the test with the error message otherwise. */
function fen(text: string | number, unit: Unit = 'yuan', opts?: { allowNegative?: boolean }): number | null {
  const r = parseMoney(text, unit, opts);
  if (!r.ok) throw new Error(`parseMoney(${JSON.stringify(text)}) failed: ${r.error}`);
  return r.fen;
}

function error(text: string | number, unit: Unit = 'yuan', opts?: { allowNegative?: boolean }): string {
  const r = parseMoney(text, unit, opts);
  if (r.ok) throw new Error(`parseMoney(${JSON.stringify(text)}) unexpectedly gave ${r.fen}`);
  return r.error;
}

describe('unit tables', () => {
  it('lists the three display units with their labels, sizes and decimals', () => {
    expect(UNITS).toEqual(['yuan', 'wan', 'yi']);
    expect(UNIT_LABEL).toEqual({ yuan: '元', wan: '万元', yi: '亿元' });
    expect(FEN_PER_UNIT).toEqual({ yuan: 100, wan: 1_000_000, yi: 10_000_000_000 });
    expect(UNIT_DECIMALS).toEqual({ yuan: 2, wan: 2, yi: 4 });
  });
});

describe('parseMoney: accepted forms', () => {
  it.each([
    ['1.5亿', 15_000_000_000],
    ['1.5亿元', 15_000_000_000],
    ['3000万', 3_000_000_000],
    ['3000万元', 3_000_000_000],
    ['12,345.67', 1_234_567],
    ['12，345.67', 1_234_567],
    ['¥1,000', 100_000],
    ['￥1000元', 100_000],
    ['1000元', 100_000],
    ['１２，３４５．６７', 1_234_567],
    ['１．５亿', 15_000_000_000],
    ['  3000万  ', 3_000_000_000],
    ['\u30003000 万元\u3000', 3_000_000_000],
    ['1.5 亿元', 15_000_000_000],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['.5', 50],
    ['5.', 500],
    ['007', 700],
    ['1,2,3,4', 123_400],
    ['+100', 10_000],
    ['0.0001亿', 1_000_000],
    ['0.01万', 10_000],
    ['0.000001万', 1],
    ['49.52亿元', 495_200_000_000],
  ])('%s → %d fen', (text, expected) => {
    expect(fen(text)).toBe(expected);
  });

  it('is exact where float multiplication is not', () => {
    expect(fen('0.1亿')).toBe(1_000_000_000);
    expect(fen('0.3亿')).toBe(3_000_000_000);
    expect(fen('1.1万')).toBe(1_100_000);
    expect(fen('19.99')).toBe(1999);
    expect(fen('1.005万')).toBe(1_005_000);
    expect(fen('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994 in floats
    expect(fen('0.07', 'wan')).toBe(70_000);
  });

  it('reads a bare number in the default unit', () => {
    expect(fen('1.5', 'yi')).toBe(15_000_000_000);
    expect(fen('3000', 'wan')).toBe(3_000_000_000);
    expect(fen('3000', 'yuan')).toBe(300_000);
    expect(fen('3000')).toBe(300_000);
  });

  it('lets an explicit unit override the default unit', () => {
    expect(fen('3000元', 'wan')).toBe(300_000);
    expect(fen('1亿', 'yuan')).toBe(10_000_000_000);
    expect(fen('500万', 'yi')).toBe(500_000_000);
  });

  it('accepts trailing zeros beyond a fen', () => {
    expect(fen('12.3400')).toBe(1234);
    expect(fen('1.23456700', 'wan')).toBe(1_234_567);
  });

  it('accepts negatives only when allowed', () => {
    expect(error('-5')).toBe('金额不能为负数');
    expect(error('-1.5亿')).toBe('金额不能为负数');
    expect(error(-100)).toBe('金额不能为负数');
    expect(fen('-5', 'yuan', { allowNegative: true })).toBe(-500);
    expect(fen('－1.5亿', 'yuan', { allowNegative: true })).toBe(-15_000_000_000);
    expect(fen('\u22121,000', 'yuan', { allowNegative: true })).toBe(-100_000);
    expect(fen('-¥1,000', 'yuan', { allowNegative: true })).toBe(-100_000);
    expect(fen('¥-1,000', 'yuan', { allowNegative: true })).toBe(-100_000);
    expect(fen(-12.5, 'wan', { allowNegative: true })).toBe(-12_500_000);
  });

  it('treats minus zero as zero', () => {
    expect(fen('-0')).toBe(0);
    expect(Object.is(fen('-0', 'yuan', { allowNegative: true }), 0)).toBe(true);
    expect(Object.is(fen(-0), 0)).toBe(true);
  });
});

describe('parseMoney: empty input', () => {
  it('is an error unless allowed', () => {
    expect(error('')).toBe('请输入金额');
    expect(error('   ')).toBe('请输入金额');
    expect(error('\u3000')).toBe('请输入金额');
  });

  it('gives null when allowEmpty', () => {
    expect(parseMoney('', 'wan', { allowEmpty: true })).toEqual({ ok: true, fen: null });
    expect(parseMoney(' \u3000 ', 'wan', { allowEmpty: true })).toEqual({ ok: true, fen: null });
  });
});

describe('parseMoney: rejected input', () => {
  it.each(['abc', '1.5亿abc', '12a', 'RMB100', 'USD 100', '1e5', '0x10', 'NaN', 'Infinity'])(
    'rejects %s with an example of valid input',
    (text) => {
      expect(error(text)).toBe(`无法识别的金额：${text}，${EXAMPLES}`);
    },
  );

  it.each([
    '.',
    '-',
    '¥',
    '元',
    '万元',
    '亿100',
    '1万元2',
    '1.2.3',
    '1..5',
    '1,234.5,6',
    ',100',
    '1 2 3 4 5 x',
    '--5',
    '5-',
    '50%',
  ])('rejects malformed number %s', (text) => {
    expect(error(text)).toMatch(/^无法识别的金额：/);
  });

  it('quotes the input as typed, trimmed', () => {
    expect(error('  hello ')).toBe(`无法识别的金额：hello，${EXAMPLES}`);
  });

  it('rejects more than one unit', () => {
    expect(error('1亿5000万')).toMatch(/^金额只能有一个单位/);
    expect(error('3000万万')).toMatch(/^金额只能有一个单位/);
    expect(error('1万亿')).toMatch(/^金额只能有一个单位/);
    expect(error('100元万')).toMatch(/^金额只能有一个单位/);
  });

  it('rejects more precision than a fen', () => {
    expect(error('1.23456789', 'wan')).toBe('金额最多精确到分');
    expect(error('0.001')).toBe('金额最多精确到分');
    expect(error('12.345')).toBe('金额最多精确到分');
    expect(fen('0.0000000001亿')).toBe(1);
    expect(error('0.00000000001亿')).toBe('金额最多精确到分');
    expect(error('0.0000001万')).toBe('金额最多精确到分');
  });

  it('rejects amounts above Number.MAX_SAFE_INTEGER fen', () => {
    expect(fen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(error('90071992547409.92')).toBe('金额过大');
    expect(fen('-90071992547409.91', 'yuan', { allowNegative: true })).toBe(-Number.MAX_SAFE_INTEGER);
    expect(error('-90071992547409.92', 'yuan', { allowNegative: true })).toBe('金额过大');
    expect(error('1000000亿')).toBe('金额过大');
    expect(error('99999999999999999999999')).toBe('金额过大');
  });
});

describe('parseMoney: JS numbers from spreadsheet cells', () => {
  it('reads numbers in the default unit through their shortest decimal form', () => {
    expect(fen(12345.67)).toBe(1_234_567);
    expect(fen(1.5, 'yi')).toBe(15_000_000_000);
    expect(fen(0.1, 'yi')).toBe(1_000_000_000);
    expect(fen(3000, 'wan')).toBe(3_000_000_000);
    expect(fen(0)).toBe(0);
    expect(fen(4.35)).toBe(435);
  });

  it('handles exponent forms', () => {
    expect(String(1e21)).toBe('1e+21');
    expect(error(1e21)).toBe('金额过大');
    expect(error(1e-7)).toBe('金额最多精确到分');
    expect(fen(1e-6, 'wan')).toBe(1);
    expect(error(1e20)).toBe('金额过大');
    expect(fen(1e13)).toBe(1_000_000_000_000_000);
  });

  it('rejects floating-point noise rather than silently rounding it', () => {
    expect(error(0.1 + 0.2)).toBe('金额最多精确到分');
  });

  it('rejects non-finite numbers', () => {
    expect(error(Number.NaN)).toMatch(/^无法识别的金额：NaN/);
    expect(error(Number.POSITIVE_INFINITY)).toMatch(/^无法识别的金额：Infinity/);
    expect(error(Number.NEGATIVE_INFINITY, 'yuan', { allowNegative: true })).toMatch(/^无法识别的金额/);
  });
});

describe('formatMoney', () => {
  it('formats each unit with its decimals and thousands separators', () => {
    expect(formatMoney(1_234_567, 'yuan')).toBe('12,345.67');
    expect(formatMoney(495_200_000_000, 'yi')).toBe('49.5200');
    expect(formatMoney(495_200_000_000, 'wan')).toBe('495,200.00');
    expect(formatMoney(495_200_000_000, 'yuan')).toBe('4,952,000,000.00');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'yuan')).toBe('90,071,992,547,409.91');
  });

  it('appends the unit label when asked', () => {
    expect(formatMoney(495_200_000_000, 'yi', { withUnit: true })).toBe('49.5200亿元');
    expect(formatMoney(3_000_000_000, 'wan', { withUnit: true })).toBe('3,000.00万元');
    expect(formatMoney(100_000, 'yuan', { withUnit: true })).toBe('1,000.00元');
  });

  it('formats zero and small values', () => {
    expect(formatMoney(0, 'yuan')).toBe('0.00');
    expect(formatMoney(0, 'yi')).toBe('0.0000');
    expect(formatMoney(1, 'yuan')).toBe('0.01');
    expect(formatMoney(99, 'yuan')).toBe('0.99');
    expect(formatMoney(100, 'yuan')).toBe('1.00');
    expect(formatMoney(999_999, 'yuan')).toBe('9,999.99');
    expect(formatMoney(100_000, 'yuan')).toBe('1,000.00');
  });

  it('returns empty text for missing values', () => {
    expect(formatMoney(null, 'yuan')).toBe('');
    expect(formatMoney(undefined, 'wan', { withUnit: true })).toBe('');
    expect(formatMoney(Number.NaN, 'yi')).toBe('');
  });

  it('rounds half away from zero', () => {
    // 万元 with 2 decimals: 1 unit of the last place is 10,000 fen
    expect(formatMoney(5_000, 'wan')).toBe('0.01');
    expect(formatMoney(4_999, 'wan')).toBe('0.00');
    expect(formatMoney(15_000, 'wan')).toBe('0.02');
    expect(formatMoney(25_000, 'wan')).toBe('0.03');
    expect(formatMoney(-5_000, 'wan')).toBe('-0.01');
    expect(formatMoney(-4_999, 'wan')).toBe('0.00');
    // 亿元 with 4 decimals: 1 unit of the last place is 1,000,000 fen (1万元)
    expect(formatMoney(1_234_500_000, 'yi')).toBe('0.1235');
    expect(formatMoney(1_234_499_999, 'yi')).toBe('0.1234');
    expect(formatMoney(-1_234_500_000, 'yi')).toBe('-0.1235');
    expect(formatMoney(99_999_999_999, 'yi')).toBe('10.0000');
  });

  it('never shows a negative zero', () => {
    expect(formatMoney(-1, 'yi')).toBe('0.0000');
    expect(formatMoney(-1, 'wan', { decimals: 0 })).toBe('0');
    expect(formatMoney(-0, 'yuan')).toBe('0.00');
  });

  it('formats negative amounts with a leading minus', () => {
    expect(formatMoney(-1_234_567, 'yuan')).toBe('-12,345.67');
    expect(formatMoney(-15_000_000_000, 'yi', { withUnit: true })).toBe('-1.5000亿元');
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'yuan')).toBe('-90,071,992,547,409.91');
  });

  it('honours a custom number of decimals', () => {
    expect(formatMoney(1_234_567, 'yuan', { decimals: 0 })).toBe('12,346');
    expect(formatMoney(1_234_549, 'yuan', { decimals: 0 })).toBe('12,345');
    expect(formatMoney(495_200_000_000, 'yi', { decimals: 2, withUnit: true })).toBe('49.52亿元');
    expect(formatMoney(1, 'yi', { decimals: 10 })).toBe('0.0000000001');
    expect(formatMoney(150, 'wan', { decimals: 4 })).toBe('0.0002');
    expect(formatMoney(123_456_789_000, 'wan', { decimals: 0 })).toBe('123,457');
  });

  it('rejects an invalid decimals option', () => {
    expect(() => formatMoney(1, 'yuan', { decimals: -1 })).toThrow(RangeError);
    expect(() => formatMoney(1, 'yuan', { decimals: 1.5 })).toThrow(RangeError);
  });

  it('does not use float arithmetic for large amounts', () => {
    // 9007199254740991 / 10^10 in floats is 900719.9254740991; rounding must come from the integer
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'yi')).toBe('900,719.9255');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'wan')).toBe('9,007,199,254.74');
  });
});

describe('round trips', () => {
  it.each([
    ['1.5亿', 'yi', '1.5000'],
    ['3000万', 'wan', '3,000.00'],
    ['12,345.67', 'yuan', '12,345.67'],
    ['0.1亿', 'yi', '0.1000'],
    ['49.52亿元', 'yi', '49.5200'],
    ['-7,654.32', 'yuan', '-7,654.32'],
  ] as [string, Unit, string][])(
    '%s in %s shows as %s and parses back to the same fen',
    (text, unit, shown) => {
      const first = fen(text, 'yuan', { allowNegative: true });
      expect(formatMoney(first, unit)).toBe(shown);
      expect(fen(formatMoney(first, unit), unit, { allowNegative: true })).toBe(first);
      expect(fen(formatMoney(first, unit, { withUnit: true }), 'yuan', { allowNegative: true })).toBe(first);
    },
  );

  it('is exact in 元 for many amounts, including the extremes', () => {
    let x = 1;
    const samples = [
      0,
      1,
      9,
      10,
      99,
      100,
      101,
      999,
      1000,
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER - 1,
    ];
    for (let i = 0; i < 500; i++) {
      x = (x * 48_271) % 2_147_483_647; // deterministic pseudo-random
      samples.push(x * ((i % 7) + 1) ** 5, -x);
    }
    for (const f of samples) {
      const text = formatMoney(f, 'yuan', { withUnit: true });
      expect(fen(text, 'wan', { allowNegative: true })).toBe(f);
    }
  });

  it('formatting is stable: format → parse → format gives the same text', () => {
    for (const unit of UNITS) {
      for (const f of [1, 12_345, 987_654_321, 5_000_000_000, 123_456_789_012_345]) {
        const shown = formatMoney(f, unit);
        expect(formatMoney(fen(shown, unit), unit)).toBe(shown);
      }
    }
  });
});

describe('fenToUnit', () => {
  it('gives the amount in the unit as a float', () => {
    expect(fenToUnit(495_200_000_000, 'yi')).toBe(49.52);
    expect(fenToUnit(3_000_000_000, 'wan')).toBe(3000);
    expect(fenToUnit(1_234_567, 'yuan')).toBe(12345.67);
    expect(fenToUnit(1, 'yuan')).toBe(0.01);
    expect(fenToUnit(0, 'yi')).toBe(0);
    expect(fenToUnit(-15_000_000_000, 'yi')).toBe(-1.5);
  });
});

describe('yuanToFen', () => {
  it('converts yuan to fen exactly', () => {
    expect(yuanToFen(12345.67)).toBe(1_234_567);
    expect(yuanToFen(4.35)).toBe(435);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(1e13)).toBe(1_000_000_000_000_000);
    expect(yuanToFen(90071992547409.9)).toBe(9_007_199_254_740_990);
  });

  it('rounds sub-fen values half away from zero on the decimal form', () => {
    expect(yuanToFen(1.005)).toBe(101); // Math.round(1.005 * 100) would give 100
    expect(yuanToFen(-1.005)).toBe(-101);
    expect(yuanToFen(1.004)).toBe(100);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(1e-7)).toBe(0);
    expect(Object.is(yuanToFen(-0.001), 0)).toBe(true);
    expect(yuanToFen(0.005)).toBe(1);
  });

  it('throws for values that cannot be money', () => {
    expect(() => yuanToFen(Number.NaN)).toThrow(RangeError);
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => yuanToFen(1e21)).toThrow(RangeError);
    expect(() => yuanToFen(90071992547409.94)).toThrow(RangeError);
  });
});

describe('parseMoney with Chinese numerals', () => {
  it('asks for Arabic numerals instead of guessing', () => {
    const r = parseMoney('两亿五千万', 'yi');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe('无法识别的金额：两亿五千万，请用阿拉伯数字输入，示例：1.5亿、3000万、12,345.67');
    expect(parseMoney('壹佰万元').ok).toBe(false);
  });
});
