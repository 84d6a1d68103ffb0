import type { connectionChannels, SavedConnection } from '../../shared/contract/connection';
import { type ConnectionProbe, type PgConnectionInput, pgUrlOf } from '../../shared/contract/connection';
import { ApiError } from '../../shared/contract/define';
import { DbError } from '../db/errors';
import { openPostgres } from '../db/open-postgres';
import { probePostgres } from '../db/probe-postgres';
import { DbTargetError, dbTarget, redactSecrets } from '../db/target';
import {
  clearSavedConnection,
  connectionDir,
  readSavedConnection,
  writeSavedConnection,
} from '../host/saved-connection';
import type { HandlerContext } from './context';
import type { HandlerMap } from './types';

/** The 连接服务器数据库 dialog (#17): test a server, save it for the next start, go back to the local file. */
export const connectionHandlers: HandlerMap<keyof typeof connectionChannels> = {
  'connection.get': async (_input, ctx) => saved(ctx),
  'connection.test': async (input) => probe(input),
  'connection.save': async (input, ctx) => {
    const url = urlOf(input);
    const found = probe(input);
    if (found.state === 'empty') {
      if (!input.create) {
        throw refused('该数据库是空的：请先确认在其中建立 FundDesk 的表，再连接');
      }
      const target = dbTarget(url);
      if (target.engine !== 'postgres') throw refused('请填写 PostgreSQL 服务器地址');
      try {
        await (await openPostgres(target, {})).close();
      } catch (e) {
        throw e instanceof DbError ? refused(e.message) : e;
      }
    }
    writeSavedConnection(connectionDir(), url);
    return { ...saved(ctx), probe: found.state === 'empty' ? probe(input) : found };
  },
  'connection.clear': async (_input, ctx) => {
    clearSavedConnection(connectionDir());
    return saved(ctx);
  },
};

function saved(ctx: HandlerContext): SavedConnection {
  const url = readSavedConnection(connectionDir());
  return { saved: url ? redactSecrets(url) : null, current: redactSecrets(ctx.opened.path) };
}

function urlOf(input: PgConnectionInput): string {
  const url = pgUrlOf(input);
  try {
    if (dbTarget(url).engine !== 'postgres')
      throw refused('请填写以 postgres:// 开头的 PostgreSQL 服务器地址');
  } catch (e) {
    if (e instanceof DbTargetError) throw refused(e.message);
    throw e;
  }
  return url;
}

function probe(input: PgConnectionInput): ConnectionProbe {
  const url = urlOf(input);
  try {
    return probePostgres(url);
  } catch (e) {
    if (e instanceof DbError || e instanceof DbTargetError)
      throw refused(redactSecrets(e.message, input.password));
    throw e;
  }
}

const refused = (message: string) => new ApiError({ code: 'validation', message });
