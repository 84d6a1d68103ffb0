import { DbError } from '../db/errors';
import { type OpenedDb, openDatabase } from '../db/open';
import { copyDatabase } from '../services/copy';
import { CliError, dbArg, parseOptions } from './args';
import type { Command } from './commands';

/** `funddesk copy --from A --to B [--replace]`: SQLite ↔ PostgreSQL (services/copy.ts does and checks it). */
export const copyCommands: Record<string, Command> = {
  copy: {
    run: async (argv, io) => {
      const values = parseOptions(argv, {
        from: { type: 'string' },
        to: { type: 'string' },
        replace: { type: 'boolean' },
      });
      const from = dbArg({ db: values.from }, {});
      const to = dbArg({ db: values.to }, {});
      if (!from) throw new CliError('缺少参数 --from：请写要复制的数据库（文件路径或 postgres://…）', 2);
      if (!to) throw new CliError('缺少参数 --to：请写复制到的数据库（文件路径或 postgres://…）', 2);
      if (from === to) throw new CliError('--from 与 --to 是同一个数据库');
      const open = async (spec: string, mustExist: boolean) => {
        try {
          return await openDatabase(spec, { mustExist });
        } catch (e) {
          if (e instanceof DbError) throw new CliError(`${e.message}（${mustExist ? '--from' : '--to'}）`);
          throw e;
        }
      };
      const source = await open(from, true);
      let target: OpenedDb | null = null;
      try {
        target = await open(to, false);
        if (target.readOnly) throw new CliError(`${target.readOnly}，不能复制到这里（--to）；未做任何改动`);
        const checks = await copyDatabase(source, target, { replace: values.replace === true });
        for (const c of checks) {
          const money = Object.entries(c.money).map(([k, v]) => ` ${k} 合计 ${v} 分`);
          io.out(`${c.table}：${c.rows} 行${money.join('，')}\n`);
        }
        io.out(`已复制并核对（各表行数与金额合计一致）：${source.path} → ${target.path}\n`);
        return 0;
      } catch (e) {
        const body = (e as { body?: { message: string } }).body;
        if (body) throw new CliError(body.message);
        throw e;
      } finally {
        await target?.close();
        await source.close();
      }
    },
  },
};
