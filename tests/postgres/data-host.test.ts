import { describe, expect, it } from 'vitest';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

describe('the data host (app and funddesk serve) on a PostgreSQL server', () => {
  it('opens the server database and answers reads and writes, the password never shown', async () => {
    const s = await tempPgSchema((TEST_PG as string).replace('funddesk@', 'funddesk:Geheim-42@'));
    expect((await cli('demo', '--db', s.url)).code).toBe(0);
    const host = await startWorkerHost({ dbPath: s.url, host: 'test', version: 'test', backups: true });
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
    } finally {
      await host.close();
      await s.drop();
    }
  });
});
