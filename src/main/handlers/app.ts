import { LATEST_MIGRATION } from '../../../migrations';
import type { appChannels } from '../../shared/contract/app';
import { defaultUserName, sessionUser, setSessionUser } from '../db/session-user';
import { loadDemo } from '../demo';
import { clearDemo } from '../demo/clear';
import { auditSince, auditUsers, listAudit } from '../services/audit-log';
import { getSetting, isDemo, isEmpty, setSetting } from '../services/meta';
import { getOverview } from '../services/overview';
import type { HandlerMap } from './types';

export const appHandlers: HandlerMap<keyof typeof appChannels> = {
  'app.info': async (_input, ctx) => ({
    version: ctx.version,
    dbPath: ctx.opened.path,
    isDemo: await isDemo(ctx.opened.db),
    isEmpty: await isEmpty(ctx.opened.db),
    schemaVersion: LATEST_MIGRATION,
    host: ctx.host,
    readOnly: ctx.opened.readOnly,
    damage: ctx.opened.damage,
  }),
  'demo.load': async (input, ctx) => loadDemo(ctx.opened.db, { replace: input.replace }),
  'demo.clear': async (_input, ctx) => clearDemo(ctx.opened.db),
  'overview.get': async (input, ctx) => getOverview(ctx.opened.db, input.asOf),
  'audit.list': async (input, ctx) => listAudit(ctx.opened.db, input),
  'audit.since': async (input, ctx) => auditSince(ctx.opened.db, input.afterId),
  'audit.users': async (_input, ctx) => auditUsers(ctx.opened.db),
  'session.user': async (_input, ctx) => ({ name: sessionUser(ctx.opened) }),
  'session.setUser': async (input, ctx) => {
    setSessionUser(ctx.opened, input.name ?? defaultUserName());
    return { name: sessionUser(ctx.opened) };
  },
  'settings.get': async (input, ctx) => getSetting(ctx.opened.db, input.key),
  'settings.set': async (input, ctx) => {
    await setSetting(ctx.opened.db, input.key, input.value);
    return null;
  },
  'task.progress': async (input, ctx) => ctx.taskProgress?.(input?.channel) ?? null,
  'task.cancel': async (input, ctx) => ({ cancelled: ctx.cancelTasks?.(input?.channel) ?? 0 }),
};
