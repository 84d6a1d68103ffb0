import { type Channel, contract, type Envelope, isChannel } from '../../shared/contract';
import { ApiError } from '../../shared/contract/define';
import { explainSqliteError } from '../services/ledger/errors';
import { appHandlers } from './app';
import { complianceHandlers } from './compliance';
import { connectionHandlers } from './connection';
import type { HandlerContext } from './context';
import { dataHandlers } from './data';
import { evaluationHandlers } from './evaluation';
import { ledgerHandlers } from './ledger';
import { reportsHandlers } from './reports';
import type { Handler, HandlerMap } from './types';

/** Every channel's handler: the one map that Electron IPC, the browser preview, the CLI and tests call. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...ledgerHandlers,
  ...reportsHandlers,
  ...dataHandlers,
  ...complianceHandlers,
  ...evaluationHandlers,
  ...connectionHandlers,
};

/** Validate the input against the contract, run the handler, and wrap the outcome in an envelope. */
export async function dispatch(
  ctx: HandlerContext,
  channel: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'bad_request', message: `未知的调用：${String(channel).slice(0, 80)}` },
    };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad_request',
        message: `调用参数不正确：${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '参数'} ${i.message}`)
          .join('；')}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as Handler<Channel>;
    const data = await handler(parsed.data as never, ctx);
    return { ok: true, data };
  } catch (e) {
    const err = e instanceof ApiError ? e : explainSqliteError(e);
    return { ok: false, error: err.body };
  }
}

export type { HandlerContext };
