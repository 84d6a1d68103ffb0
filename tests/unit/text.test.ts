import { describe, expect, it } from 'vitest';
import { normalizeInput, toHalfWidth } from '../../src/shared/text';

describe('toHalfWidth', () => {
  it('converts full-width digits', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
  });

  it('converts full-width upper and lower case letters', () => {
    expect(toHalfWidth('ＡＢＣＸＹＺ')).toBe('ABCXYZ');
    expect(toHalfWidth('ａｂｃｘｙｚ')).toBe('abcxyz');
  });

  it('converts full-width punctuation used in amounts, dates and codes', () => {
    expect(toHalfWidth('，．－／（）：％＋')).toBe(',.-/():%+');
    expect(toHalfWidth('１２，３４５．６７')).toBe('12,345.67');
    expect(toHalfWidth('２０２３／８／１')).toBe('2023/8/1');
    expect(toHalfWidth('！～')).toBe('!~');
  });

  it('converts the ideographic space to an ASCII space', () => {
    expect(toHalfWidth('1\u30002')).toBe('1 2');
  });

  it('leaves Chinese characters, Chinese punctuation and ASCII unchanged', () => {
    expect(toHalfWidth('引导基金1.5亿元，')).toBe('引导基金1.5亿元,');
    expect(toHalfWidth('。、“”《》￥')).toBe('。、“”《》￥');
    expect(toHalfWidth('abc 123 -/.')).toBe('abc 123 -/.');
    expect(toHalfWidth('')).toBe('');
  });

  it('keeps characters outside the BMP intact', () => {
    expect(toHalfWidth('𠀀１')).toBe('𠀀1');
  });
});

describe('normalizeInput', () => {
  it('trims and collapses inner whitespace, including ideographic and non-breaking spaces', () => {
    expect(normalizeInput('  深圳市\u3000\u3000某某  科技\t有限公司 ')).toBe('深圳市 某某 科技 有限公司');
    expect(normalizeInput('\u00a0a\u00a0\u00a0b\u00a0')).toBe('a b');
    expect(normalizeInput('a\r\n\r\nb')).toBe('a b');
  });

  it('converts full-width characters as well', () => {
    expect(normalizeInput('\u3000ＡＢＣ　基金（有限合伙）\u3000')).toBe('ABC 基金(有限合伙)');
  });

  it('returns empty for whitespace-only input', () => {
    expect(normalizeInput(' \u3000\t\n')).toBe('');
    expect(normalizeInput('')).toBe('');
  });

  it('is idempotent', () => {
    const once = normalizeInput('  １，０００\u3000万元  ');
    expect(once).toBe('1,000 万元');
    expect(normalizeInput(once)).toBe(once);
  });
});
