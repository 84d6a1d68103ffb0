import { describe, expect, it } from 'vitest';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

describe('the data host (app and funddesk serve) on a PostgreSQL server', () => {
  it('opens the server database and answers reads and writes, the password never shown', async () => {
    const s = await tempPgSchema((TEST_PG as string).replace('funddesk@', 'funddesk:Geheim-42@'));
    expect(await cli('demo', '--db', s.url)).toMatchObject({ code: 0 });
    const logs: string[] = [];
    const host = await startWorkerHost(
      { dbPath: s.url, host: 'test', version: 'test', backups: true },
      { onLog: (m) => logs.push(m) },
    );
    try {
      const info = await host.invoke('app.info', {});
      expect(info.ok).toBe(true);
      expect(JSON.stringify(info)).toContain('funddesk:***@');
      expect(JSON.stringify(info)).not.toContain('Geheim-42');
      const overview = await host.invoke('overview.get', { asOf: '2025-12-31' });
      expect(overview).toMatchObject({ ok: true, data: { subFunds: { paidInFen: 123_700_000_000 } } });
      const made = await host.invoke('ledger.create', {
        entity: 'institution',
        values: { name: '测试投资机构有限公司', kind: 'vc' },
      });
      expect(made).toMatchObject({ ok: true, data: { name: '测试投资机构有限公司' } });
      // A grid's page of rows (ledger.table reads its column names from the statement).
      const page = await host.invoke('ledger.table', { entity: 'investment', where: {}, limit: 5 });
      expect(page).toMatchObject({ ok: true, data: { rows: expect.any(Array) } });
      const table = (page as { data: { columns: string[]; rows: unknown[][] } }).data;
      expect(table.rows).toHaveLength(5);
      expect(table.columns).toEqual(expect.arrayContaining(['id', 'amount_fen', 'enterprise_name']));
      // An import into the non-empty database: no file backup on a server, the rows land.
      const out = await host.invoke('ledger.export', { ledger: 'cash_flow', format: 'csv', unit: 'wan' });
      const file = (out as { data: { fileName: string; data: string; rows: number } }).data;
      const again = { ledger: 'cash_flow', fileName: file.fileName, bytes: file.data };
      const done = await host.invoke('import.commit', { ...again, duplicates: 'import', remember: false });
      expect(done).toMatchObject({ ok: true, data: { created: file.rows } });
      // No reader lane on a server, so nothing about one failing to start.
      expect(logs.filter((m) => m.includes('读取线程'))).toEqual([]);
    } finally {
      await host.close();
      await s.drop();
    }
  }, 180_000);
});
