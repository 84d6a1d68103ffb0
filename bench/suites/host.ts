/**
 * The data host while a long write runs: a page of 投资 rows (the grid's first `ledger.table` page) asked
 * again and again of the data host (a worker thread, as `funddesk serve` and the desktop app run it) while it
 * commits a 50,000-row cash-flow import into a copy of each benchmark database. Only the reads made while the
 * import was writing count (started after its first write progress, answered before it ended: asking
 * import.progress cannot tell, as the host's thread answers it only after the write); each is timed from the
 * call to its answer (message passing included), one after another, as a grid's requests come.
 */
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { type BenchContext, copyDb, fmtInt, workDir } from '../lib/context';
import { timingOf } from '../lib/measure';
import { must } from './io';

const TARGET = { kind: 'max', value: 200, text: '≤ 200 ms' } as const;

export async function hostSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  if (!ctx.export50k) return;
  // The import file: the cash-flow ledger of the 50,000-row database, as CSV (as the io suite's).
  const w0 = workDir('host-export');
  let file: { fileName: string; data: string; rows: number };
  try {
    const src = await startWorkerHost({
      dbPath: copyDb(ctx.export50k, w0.dir),
      host: 'test',
      version: 'bench',
      skipIntegrityCheck: true,
    });
    file = must(await src.invoke('ledger.export', { ledger: 'cash_flow', format: 'csv', unit: 'wan' }));
    await src.close();
  } finally {
    w0.cleanup();
  }

  for (const scale of ctx.scales) {
    const w = workDir(`host-${scale}`);
    try {
      const host = await startWorkerHost({
        dbPath: copyDb(ctx.dbs[scale]!, w.dir),
        host: 'test',
        version: 'bench',
        skipIntegrityCheck: true,
      });
      try {
        const input = { ledger: 'cash_flow', fileName: file.fileName, bytes: file.data };
        // Previewed first (untimed), as the 导入 button follows its preview: the commit is then the write.
        must(await host.invoke('import.preview', input));
        const page = { entity: 'investment', where: {}, limit: 100 };
        await host.laneReady; // the steady state: the reader lane is up (it starts beside the host)
        must(await host.invoke('ledger.table', page)); // warm-up
        let done = false;
        // The commit follows its preview with the same file, so it reuses the preview's analysis and its
        // progress reports (done > 0) come from the write itself: the host's thread is then inside the one
        // synchronous transaction, and only the reader lane can answer.
        let writing = false;
        const commit = host
          .invoke('import.commit', { ...input, duplicates: 'skip', remember: false }, (p) => {
            if (p.done > 0) writing = true;
          })
          .finally(() => {
            done = true;
          });
        const samples: number[] = [];
        let rowsSeen = 0;
        while (!done) {
          const during = writing;
          const t0 = performance.now();
          const rows = must<{ rows: unknown[] }>(await host.invoke('ledger.table', page)).rows;
          const ms = performance.now() - t0;
          if (during && !done) {
            samples.push(ms);
            rowsSeen = rows.length;
          } else if (!during) await new Promise((r) => setTimeout(r, 5));
        }
        const created = must<{ created: number }>(await commit).created;
        if (samples.length === 0) {
          R.missing(
            'host.read-during-import',
            'a page of 投资 rows while a 50,000-row import commits',
            scale,
            'the import ended before a read',
            TARGET,
          );
          continue;
        }
        const t = timingOf(samples);
        R.add('host.read-during-import', 'a page of 投资 rows while a 50,000-row import commits', scale, t, {
          target: TARGET,
          note: `ledger.table (${rowsSeen} rows) through the data host's reader lane while import.commit wrote ${fmtInt(created)} rows; max ${Math.round(t.max)} ms`,
          extra: { created, reads: samples.length },
        });
      } finally {
        await host.close();
      }
    } finally {
      w.cleanup();
    }
  }
}
