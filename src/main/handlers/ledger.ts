import type { ledgerChannels } from '../../shared/contract/ledger';
import { checkMany, createMany } from '../services/ledger/bulk';
import { ledgerPage } from '../services/ledger/page';
import {
  createRow,
  deleteRow,
  getRow,
  linkOptions,
  listRows,
  listTable,
  restoreRow,
  updateRow,
} from '../services/ledger/service';
import type { HandlerMap } from './types';

export const ledgerHandlers: HandlerMap<keyof typeof ledgerChannels> = {
  'ledger.list': async (i, ctx) => listRows(ctx.opened.db, i.entity, i.where),
  'ledger.table': async (i, ctx) =>
    listTable(ctx.opened, i.entity, i.where, { afterId: i.afterId, limit: i.limit }),
  'ledger.page': async (i, ctx) => ledgerPage(ctx.opened, i),
  'ledger.get': async (i, ctx) => getRow(ctx.opened.db, i.entity, i.id),
  'ledger.create': async (i, ctx) => createRow(ctx.opened.db, i.entity, i.values),
  'ledger.update': async (i, ctx) => updateRow(ctx.opened.db, i.entity, i.id, i.values, 'ui', i.version),
  'ledger.delete': async (i, ctx) => deleteRow(ctx.opened.db, i.entity, i.id, 'ui', i.version),
  'ledger.restore': async (i, ctx) => restoreRow(ctx.opened.db, i.entity, i.row),
  'ledger.checkMany': async (i, ctx) => checkMany(ctx.opened.db, i.entity, i.rows),
  'ledger.createMany': async (i, ctx) => createMany(ctx.opened, i.entity, i.rows),
  'ledger.options': async (i, ctx) => linkOptions(ctx.opened.db, i.entity),
};
