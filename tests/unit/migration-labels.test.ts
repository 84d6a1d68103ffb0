// 数据库信息 shows the structure version in Chinese, for every migration there is and for later ones.
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { describeMigration } from '../../src/shared/migration-labels';

const CJK = /[\u4e00-\u9fff]/;

describe('describeMigration', () => {
  it('every bundled migration has a Chinese description, never the raw id', () => {
    for (const id of Object.keys(migrations)) {
      const d = describeMigration(id);
      expect(d).toMatch(CJK);
      expect(d).not.toContain(id);
      expect(d).not.toContain('结构更新');
    }
  });

  it('later migrations, before their description is added, read as Chinese too', () => {
    for (const n of [99, 420]) {
      expect(describeMigration(`${String(n).padStart(4, '0')}_something_new`)).toBe(`第 ${n} 版：结构更新`);
    }
    expect(describeMigration('0008_sort_keys')).toBe('第 8 版：大台账分页：名称排序键与排序索引');
    expect(describeMigration('0009_users_and_versions')).toBe('第 9 版：多人使用：操作人与行版本');
  });

  it('an id without a number is shown as it is', () => {
    expect(describeMigration('custom')).toBe('custom');
  });
});
