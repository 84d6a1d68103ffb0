import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/contract/define';
import { parseDate } from '../../src/shared/dates';
import { freshDbPerTest, refusal } from '../helpers/temp-db';

/** Issue #19 items 12–14: sizes of channel inputs, one date rule, lone surrogates and control characters. */

const env = freshDbPerTest();

async function aFund() {
  return env.api('ledger.create', {
    entity: 'fund',
    values: { kind: 'sub', name: '测试基金', total_size_fen: 100_00, guidance_commitment_fen: 10_00 },
  });
}

const count = (table: string) =>
  (env.t.opened.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;

describe('channel inputs have sizes', () => {
  it('a settings value over 64 KB is refused in Chinese and the stored value stays', async () => {
    await env.api('settings.set', { key: 'grid.fund', value: { widths: [1, 2, 3] } });
    const e = await refusal(env.api('settings.set', { key: 'grid.fund', value: 'x'.repeat(100 * 1024) }));
    expect(e.message).toMatch(/设置的值过大（10[01] KB），上限 64 KB/);
    expect(await env.api('settings.get', { key: 'grid.fund' })).toEqual({ widths: [1, 2, 3] });
    // 64 KB of Chinese text is 3 bytes a character: counted in bytes, not characters.
    const e2 = await refusal(env.api('settings.set', { key: 'k', value: '基'.repeat(30_000) }));
    expect(e2.message).toContain('设置的值过大');
    await env.api('settings.set', { key: 'k', value: '基'.repeat(20_000) });
    expect(await env.api('settings.get', { key: 'k' })).toBe('基'.repeat(20_000));
  });

  it('a record, a filter and a key have limits too', async () => {
    const e = await refusal(
      env.api('ledger.create', {
        entity: 'institution',
        values: { name: '机构', notes: 'x'.repeat(70 * 1024) },
      }),
    );
    expect(e.message).toContain('一条记录的内容过大');
    const e2 = await refusal(env.api('ledger.list', { entity: 'fund', where: { name: 'x'.repeat(300) } }));
    expect(e2.message).toContain('筛选值过长');
    const e3 = await refusal(env.api('settings.get', { key: 'k'.repeat(101) }));
    expect(e3.code).toBe('bad_request');
    expect(count('institutions')).toBe(0);
  });
});

describe('one date rule: the API accepts the years the import accepts', () => {
  it('years 1900–2100 are stored, earlier and later ones refused in Chinese, as the import does', async () => {
    const fund = await aFund();
    for (const year of [1000, 1500, 1899, 1900, 1901, 2000, 2099, 2100, 2101, 2500, 2999]) {
      const iso = `${year}-06-30`;
      const imported = parseDate(iso).ok;
      expect(imported, iso).toBe(year >= 1900 && year <= 2100);
      const r = await env
        .api('ledger.create', {
          entity: 'cash_flow',
          values: { fund_id: fund.id, date: iso, type: 'call', amount_fen: 1 },
        })
        .then(
          () => null,
          (e: ApiError) => e,
        );
      expect(r === null, iso).toBe(imported);
      if (r) expect(r.message).toBe(`日期的年份应在1900–2100之间，实际为${year}年`);
    }
    expect(count('cash_flows')).toBe(5);
    const e = await refusal(env.api('report.get', { name: 'overview', asOf: '2999-12-31' }));
    expect(e.message).toContain('截至日期的年份应在1900–2100之间，实际为2999年');
    const e2 = await refusal(env.api('overview.get', { asOf: '2023-02-29' }));
    expect(e2.message).toContain('截至日期不是有效日期');
  });
});

describe('text that cannot be stored as given is refused, never altered', () => {
  it('a lone surrogate anywhere in an input is refused clearly; nothing is stored', async () => {
    const e = await refusal(
      env.api('ledger.create', { entity: 'institution', values: { name: '机构\uD83D' } }),
    );
    expect(e.message).toContain('不成对的 UTF-16 代理字符');
    expect(e.message).toContain('values.name');
    await refusal(env.api('ledger.create', { entity: 'institution', values: { name: '\uDE00机构' } }));
    await refusal(env.api('settings.set', { key: 'k', value: { list: ['ok', 'bad\uDBFF'] } }));
    await refusal(env.api('settings.set', { key: 'k\uD800', value: 1 }));
    expect(count('institutions')).toBe(0);
    expect(await env.api('settings.get', { key: 'k' })).toBeNull();
    // A whole pair (an emoji) is text like any other.
    const ok = await env.api('ledger.create', { entity: 'institution', values: { name: '机构😀' } });
    expect(ok.name).toBe('机构😀');
  });

  it('an invisible control character is refused naming it; line breaks follow one rule', async () => {
    const e = await refusal(
      env.api('ledger.create', { entity: 'institution', values: { name: '机\u000b构' } }),
    );
    expect(e.message).toBe('机构名称含有不可见的控制字符（U+000B），请删除后再保存');
    expect(count('institutions')).toBe(0);
    const r = await env.api('ledger.create', {
      entity: 'institution',
      values: { name: '第一\r\n第二\t机构', notes: '第一行\r\n第二行\r第三行' },
    });
    // A name is one line (as the grid and the import make it); notes keep their lines.
    expect(r.name).toBe('第一 第二 机构');
    expect(r.notes).toBe('第一行\n第二行\n第三行');
  });
});
