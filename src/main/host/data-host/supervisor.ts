import type { DataHost, Progress } from './client';

/**
 * Keeps a data host answering when its process or thread dies (a crash, a kill, out of memory). The parent
 * notices at once (client.ts hears the exit): every call still waiting fails with a Chinese message saying
 * the operation did not finish (SQLite rolls back a transaction the dead host left open), and the next call
 * starts a new host on the same file and is answered by it. The worker thread under Node (worker.ts) and
 * Electron's utility process (electron/data-host.ts) both go through here, so the Node tests cover the logic
 * the desktop app runs.
 *
 * A host that cannot be started again (the file was moved away, it is damaged now) makes each call fail with
 * that reason; nothing is restarted in a loop behind the user's back. A restart never creates a database:
 * `start(true)` must open only an existing file.
 */
export async function superviseDataHost(start: (restart: boolean) => Promise<DataHost>): Promise<DataHost> {
  let current: Promise<DataHost> | null = null;
  let closed = false;
  const stopListeners: ((reason: string) => void)[] = [];

  const watch = (h: DataHost) => {
    h.onStop((reason) => {
      if (!closed) current = null;
      for (const l of stopListeners) l(reason);
    });
    return h;
  };

  // The first start's refusal (damaged, missing, not a FundDesk file) reaches the caller as before.
  const first = watch(await start(false));
  current = Promise.resolve(first);

  const live = (): Promise<DataHost> => {
    if (!current) current = start(true).then(watch);
    const pending = current;
    // A failed restart is not kept: the next call tries again.
    pending.catch(() => {
      if (current === pending) current = null;
    });
    return pending;
  };

  const supervised: DataHost = {
    dbPath: first.dbPath,
    async invoke(channel: string, input: unknown, onProgress?: (p: Progress) => void) {
      if (closed) return { ok: false, error: { code: 'internal', message: '数据服务已关闭' } };
      let h: DataHost;
      try {
        h = await live();
      } catch (e) {
        return {
          ok: false,
          error: { code: 'internal', message: `数据服务未能重新启动：${(e as Error).message}` },
        };
      }
      return h.invoke(channel, input, onProgress);
    },
    onStop: (listener) => {
      stopListeners.push(listener);
    },
    async close() {
      closed = true;
      const h = await current?.catch(() => null);
      current = null;
      await h?.close();
    },
  };
  return supervised;
}
