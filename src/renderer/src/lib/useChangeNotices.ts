import { ENTITY, labelOf } from '@shared/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { api } from '../api';

/**
 * Other people's changes appear without a restart (#17). Every few seconds the audit log is asked what
 * changed since the last look (audit.since: one indexed read, on the reader lane): the changed ledgers'
 * queries are refreshed and other users' changes named in a short notice (「李四 修改了 投资 3 条」).
 * Polling rather than LISTEN/NOTIFY: it works the same on a SQLite file opened by two apps and on
 * PostgreSQL, and needs no second server connection held open. While a grid cell is being edited the
 * refresh waits (the changes are asked for again from the same point), so nothing changes under the cursor.
 */
const EVERY_MS = 5_000;

const editing = () => document.querySelector('.ag-cell-inline-editing, .ag-popup-editor') !== null;

export function useChangeNotices(): void {
  const qc = useQueryClient();
  const { notification } = AntApp.useApp();
  useEffect(() => {
    let lastId: number | undefined;
    let stopped = false;
    const look = async () => {
      if (editing()) return;
      const r = await api('audit.since', lastId === undefined ? {} : { afterId: lastId });
      if (stopped || editing()) return;
      lastId = r.lastId;
      if (r.changes.length === 0) return;
      const me =
        qc.getQueryData<{ name: string }>(['session-user'])?.name ?? (await api('session.user', {})).name;
      for (const e of new Set(r.changes.map((c) => c.entity)))
        void qc.invalidateQueries({ queryKey: ['ledger', e] });
      for (const k of ['options', 'overview', 'report', 'audit', 'compliance'])
        void qc.invalidateQueries({ queryKey: [k] });
      const others = r.changes.filter((c) => c.user_name !== me);
      if (others.length === 0) return;
      notification.info({
        title: '其他用户的修改已更新',
        description: others
          .map((c) => `${c.user_name || '其他用户'} 修改了 ${labelOf(ENTITY, c.entity)} ${c.n} 条`)
          .join('；'),
        placement: 'bottomRight',
        duration: 6,
      });
    };
    const timer = setInterval(() => void look().catch(() => {}), EVERY_MS);
    void look().catch(() => {});
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [qc, notification]);
}
