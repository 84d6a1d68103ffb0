import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { userMessage } from '../../src/main/cli/main';

/** What `funddesk` prints after 错误： when a command fails with an error not written for users. */
describe('CLI failure messages are Chinese', () => {
  it('explains a raw UNIQUE violation instead of printing SQLite’s English text', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE managers (id TEXT PRIMARY KEY)');
    db.prepare("INSERT INTO managers VALUES ('m1')").run();
    let raw: unknown;
    try {
      db.prepare("INSERT INTO managers VALUES ('m1')").run();
    } catch (e) {
      raw = e;
    }
    db.close();
    expect((raw as Error).message).toMatch(/UNIQUE constraint failed/);
    const shown = await userMessage(raw);
    expect(shown).toContain('与已有记录重复');
    expect(shown).not.toMatch(/constraint|UNIQUE/i);
  });

  it('keeps a message already written for the user', async () => {
    expect(await userMessage(new Error('日期无效：2024-02-30'))).toBe('日期无效：2024-02-30');
  });

  it('never shows an unexplained English error', async () => {
    const shown = await userMessage(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(shown).toMatch(/[\u4e00-\u9fff]/);
    expect(shown).not.toContain('Cannot read');
  });
});
