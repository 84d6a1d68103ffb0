import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDate,
  daysBetween,
  formatDateCn,
  isIsoDate,
  parseDate,
  quarterOf,
  todayIso,
  yearOf,
} from '../../src/shared/dates';

const EXAMPLES = '示例：2023-08-01、2023/8/1、2023年8月1日';

function date(input: Parameters<typeof parseDate>[0]): string | null {
  const r = parseDate(input);
  if (!r.ok) throw new Error(`parseDate(${String(input)}) failed: ${r.error}`);
  return r.date;
}

function error(input: Parameters<typeof parseDate>[0]): string {
  const r = parseDate(input);
  if (r.ok) throw new Error(`parseDate(${String(input)}) unexpectedly gave ${r.date}`);
  return r.error;
}

describe('parseDate: text', () => {
  it.each([
    '2023-08-01',
    '2023-8-1',
    '2023-08-1',
    '2023/8/1',
    '2023/08/01',
    '2023.8.1',
    '2023.08.01',
    '2023年8月1日',
    '2023年08月01日',
    '2023年8月1号',
    '2023年8月1',
    '2023 年 8 月 1 日',
    '20230801',
    '２０２３－０８－０１',
    '２０２３年８月１日',
    '２０２３０８０１',
    '２０２３／８／１',
    '  2023-08-01  ',
    '\u30002023/8/1\u3000',
    '2023-08-01T00:00:00',
    '2023-08-01T23:59:59.999Z',
    '2023-08-01T08:00:00+08:00',
    '2023-08-01 10:30',
    '2023/8/1 0:00:00',
    '2023-08-01t00:00:00z',
  ])('reads %s as 2023-08-01', (input) => {
    expect(date(input)).toBe('2023-08-01');
  });

  it('takes the date part of an ISO datetime as written, without time-zone conversion', () => {
    expect(date('2023-07-31T16:00:00.000Z')).toBe('2023-07-31');
    expect(date('2023-12-31T23:00:00-05:00')).toBe('2023-12-31');
  });

  it('reads other dates correctly', () => {
    expect(date('2024-02-29')).toBe('2024-02-29');
    expect(date('2000-02-29')).toBe('2000-02-29');
    expect(date('2023-12-31')).toBe('2023-12-31');
    expect(date('1999年12月31日')).toBe('1999-12-31');
    expect(date('20240101')).toBe('2024-01-01');
    expect(date('2023.11.30')).toBe('2023-11-30');
  });

  it('accepts the year range 1900–2100 inclusive', () => {
    expect(date('1900-01-01')).toBe('1900-01-01');
    expect(date('2100-12-31')).toBe('2100-12-31');
    expect(error('1899-12-31')).toBe('年份应在1900–2100之间，实际为1899年');
    expect(error('2101-01-01')).toBe('年份应在1900–2100之间，实际为2101年');
    expect(error('0023-08-01')).toBe('年份应在1900–2100之间，实际为23年');
  });

  it('rejects dates that do not exist', () => {
    expect(error('2023-02-29')).toBe('日期无效：2023年2月没有29日');
    expect(error('2023年2月29日')).toBe('日期无效：2023年2月没有29日');
    expect(error('20230229')).toBe('日期无效：2023年2月没有29日');
    expect(error('1900-02-29')).toBe('日期无效：1900年2月没有29日'); // 1900 is not a leap year
    expect(error('2100-02-29')).toBe('日期无效：2100年2月没有29日');
    expect(error('2023-04-31')).toBe('日期无效：2023年4月没有31日');
    expect(error('2023-06-31')).toBe('日期无效：2023年6月没有31日');
    expect(error('2023-09-31')).toBe('日期无效：2023年9月没有31日');
    expect(error('2023-11-31')).toBe('日期无效：2023年11月没有31日');
    expect(error('2023-01-32')).toBe('日期无效：2023年1月没有32日');
    expect(error('2023-01-00')).toBe('日期无效：2023年1月没有0日');
    expect(error('2023-13-01')).toBe('日期无效：月份应为1–12，实际为13月');
    expect(error('2023-00-10')).toBe('日期无效：月份应为1–12，实际为0月');
    expect(error('20231301')).toBe('日期无效：月份应为1–12，实际为13月');
  });

  it('rejects text that is not a date, with examples', () => {
    for (const s of [
      'abc',
      '2023',
      '2023-08',
      '2023年8月',
      '8/1/2023',
      '01/08/2023',
      '23-8-1',
      '2023-8/1',
      '2023--08-01',
      '2023-08-01x',
      '2023080',
      '202308011',
      '2023-08-01T25',
      '明天',
      '-45139',
      '45139abc',
      '1234',
      '2958465',
      '100000',
    ]) {
      expect(error(s), s).toBe(`无法识别的日期：${s}，${EXAMPLES}`);
    }
  });

  it('handles empty input', () => {
    expect(error('')).toBe('请输入日期');
    expect(error('  \u3000')).toBe('请输入日期');
    expect(error(null)).toBe('请输入日期');
    expect(error(undefined)).toBe('请输入日期');
    expect(parseDate('', { allowEmpty: true })).toEqual({ ok: true, date: null });
    expect(parseDate(' ', { allowEmpty: true })).toEqual({ ok: true, date: null });
    expect(parseDate(null, { allowEmpty: true })).toEqual({ ok: true, date: null });
    expect(parseDate(undefined, { allowEmpty: true })).toEqual({ ok: true, date: null });
  });
});

describe('parseDate: Excel serial numbers (1900 date system)', () => {
  it('converts well-known serials', () => {
    expect(date(45139)).toBe('2023-08-01');
    expect(date(44927)).toBe('2023-01-01');
    expect(date(43831)).toBe('2020-01-01');
    expect(date(36526)).toBe('2000-01-01');
    expect(date(45351)).toBe('2024-02-29');
    expect(date(73415)).toBe('2100-12-31');
  });

  it('handles the Lotus 1900-02-29 bug', () => {
    expect(date(1)).toBe('1900-01-01');
    expect(date(59)).toBe('1900-02-28');
    expect(error(60)).toBe('日期无效：Excel日期序号60对应不存在的1900年2月29日');
    expect(date(61)).toBe('1900-03-01');
  });

  it('reads an 8-digit number as a date typed as YYYYMMDD', () => {
    expect(date(20230801)).toBe('2023-08-01');
    expect(date(20240229)).toBe('2024-02-29');
    expect(error(20230229)).toBe('日期无效：2023年2月没有29日');
    expect(error(18991231)).toBe('年份应在1900–2100之间，实际为1899年');
    expect(error(20231301)).toBe('日期无效：月份应为1–12，实际为13月');
  });

  it('ignores the time-of-day fraction', () => {
    expect(date(45139.75)).toBe('2023-08-01');
    expect(date(45139.999)).toBe('2023-08-01');
  });

  it('reads serials given as numeric text (5 digits)', () => {
    expect(date('45139')).toBe('2023-08-01');
    expect(date('４５１３９')).toBe('2023-08-01');
    expect(date('45139.5')).toBe('2023-08-01');
    expect(date('10000')).toBe('1927-05-18');
  });

  it('rejects serials outside 1..2958465 and dates beyond 2100', () => {
    expect(error(0)).toBe(`无法识别的日期：0，${EXAMPLES}`);
    expect(error(-1)).toBe(`无法识别的日期：-1，${EXAMPLES}`);
    expect(error(0.5)).toBe(`无法识别的日期：0.5，${EXAMPLES}`);
    expect(error(2958466)).toBe(`无法识别的日期：2958466，${EXAMPLES}`);
    expect(error(2958465)).toBe('日期超出范围：Excel日期序号2958465对应9999年，年份应在1900–2100之间');
    expect(error(73416)).toBe('日期超出范围：Excel日期序号73416对应2101年，年份应在1900–2100之间');
    expect(error(100000)).toBe('日期超出范围：Excel日期序号100000对应2173年，年份应在1900–2100之间');
    expect(error(Number.NaN)).toBe(`无法识别的日期：NaN，${EXAMPLES}`);
    expect(error(Number.POSITIVE_INFINITY)).toBe(`无法识别的日期：Infinity，${EXAMPLES}`);
  });
});

describe('parseDate: JS Date', () => {
  it('uses the UTC calendar date, as exceljs produces UTC-midnight dates', () => {
    expect(date(new Date(Date.UTC(2023, 7, 1)))).toBe('2023-08-01');
    expect(date(new Date('2023-08-01T00:00:00Z'))).toBe('2023-08-01');
    expect(date(new Date('2023-08-01T23:59:59Z'))).toBe('2023-08-01');
    expect(date(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('rejects invalid and out-of-range Dates', () => {
    expect(error(new Date('nonsense'))).toBe('日期无效');
    expect(error(new Date(Date.UTC(1899, 11, 31)))).toBe('年份应在1900–2100之间，实际为1899年');
    expect(error(new Date(Date.UTC(2101, 0, 1)))).toBe('年份应在1900–2100之间，实际为2101年');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates in YYYY-MM-DD form only', () => {
    expect(isIsoDate('2023-08-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2023-8-1')).toBe(false);
    expect(isIsoDate('2023/08/01')).toBe(false);
    expect(isIsoDate('2023-08-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2023-08-01')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-00-01')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(20230801)).toBe(false);
  });
});

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    expect(todayIso(new Date(2023, 7, 1, 0, 0, 0))).toBe('2023-08-01');
    expect(todayIso(new Date(2023, 7, 1, 23, 59, 59))).toBe('2023-08-01');
    expect(todayIso(new Date(2024, 0, 9))).toBe('2024-01-09');
  });

  it('defaults to now', () => {
    const now = new Date();
    const today = todayIso();
    expect(isIsoDate(today)).toBe(true);
    // allow for the test running across midnight
    expect([todayIso(now), todayIso(new Date())]).toContain(today);
  });
});

describe('compareDate', () => {
  it('orders dates', () => {
    expect(compareDate('2023-08-01', '2023-08-02')).toBe(-1);
    expect(compareDate('2023-08-02', '2023-08-01')).toBe(1);
    expect(compareDate('2023-08-01', '2023-08-01')).toBe(0);
    expect(compareDate('1999-12-31', '2000-01-01')).toBe(-1);
    const sorted = ['2024-01-01', '2023-12-31', '2023-02-01', '2023-10-01'].sort(compareDate);
    expect(sorted).toEqual(['2023-02-01', '2023-10-01', '2023-12-31', '2024-01-01']);
  });

  it('throws on malformed dates', () => {
    expect(() => compareDate('2023-8-1', '2023-08-01')).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days from a to b', () => {
    expect(daysBetween('2023-08-01', '2023-08-01')).toBe(0);
    expect(daysBetween('2023-08-01', '2023-08-02')).toBe(1);
    expect(daysBetween('2023-08-02', '2023-08-01')).toBe(-1);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('1900-01-01', '2100-12-31')).toBe(73413); // 201 × 365 + 49 leap days − 1
  });

  it('is not affected by daylight-saving changes', () => {
    // Clocks change in many zones around these dates; the answer must stay a whole number.
    expect(daysBetween('2023-03-01', '2023-04-01')).toBe(31);
    expect(daysBetween('2023-10-01', '2023-11-01')).toBe(31);
    expect(daysBetween('1986-05-01', '1986-10-01')).toBe(153); // China used DST in 1986–1991
  });

  it('agrees with Excel serials', () => {
    expect(daysBetween('2000-01-01', '2023-08-01')).toBe(45139 - 36526);
  });

  it('throws on malformed dates', () => {
    expect(() => daysBetween('2023-02-30', '2023-03-01')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2023-08-01', 0)).toBe('2023-08-01');
    expect(addDays('2023-08-01', 1)).toBe('2023-08-02');
    expect(addDays('2023-08-31', 1)).toBe('2023-09-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
  });

  it('is the inverse of daysBetween', () => {
    for (const n of [-1000, -366, -1, 0, 1, 29, 365, 3653]) {
      expect(daysBetween('2023-08-01', addDays('2023-08-01', n))).toBe(n);
    }
  });

  it('rejects fractional days and malformed dates', () => {
    expect(() => addDays('2023-08-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2023/08/01', 1)).toThrow(RangeError);
  });
});

describe('formatDateCn', () => {
  it('writes the date in Chinese without leading zeros', () => {
    expect(formatDateCn('2023-08-01')).toBe('2023年8月1日');
    expect(formatDateCn('2023-12-31')).toBe('2023年12月31日');
    expect(formatDateCn('2000-01-10')).toBe('2000年1月10日');
  });

  it('gives empty text for missing values', () => {
    expect(formatDateCn(null)).toBe('');
    expect(formatDateCn(undefined)).toBe('');
    expect(formatDateCn('')).toBe('');
  });

  it('round-trips through parseDate', () => {
    for (const d of ['2023-08-01', '2024-02-29', '1900-01-01', '2100-12-31']) {
      expect(date(formatDateCn(d))).toBe(d);
    }
  });

  it('throws on malformed dates', () => {
    expect(() => formatDateCn('2023-02-29')).toThrow(RangeError);
  });
});

describe('quarterOf and yearOf', () => {
  it('gives the calendar quarter', () => {
    expect(quarterOf('2023-01-01')).toBe(1);
    expect(quarterOf('2023-03-31')).toBe(1);
    expect(quarterOf('2023-04-01')).toBe(2);
    expect(quarterOf('2023-06-30')).toBe(2);
    expect(quarterOf('2023-07-01')).toBe(3);
    expect(quarterOf('2023-09-30')).toBe(3);
    expect(quarterOf('2023-10-01')).toBe(4);
    expect(quarterOf('2023-12-31')).toBe(4);
  });

  it('gives the year', () => {
    expect(yearOf('2023-08-01')).toBe(2023);
    expect(yearOf('1900-01-01')).toBe(1900);
  });

  it('throws on malformed dates', () => {
    expect(() => quarterOf('2023-13-01')).toThrow(RangeError);
    expect(() => yearOf('abc')).toThrow(RangeError);
  });
});
