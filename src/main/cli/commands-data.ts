import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { IMPORT_MAX_FILE_BYTES } from '../../shared/contract/data';
import { ENTITY, type Entity } from '../../shared/domain';
import { DbError } from '../db/errors';
import { openElsewhere } from '../db/lock';
import { openDatabase } from '../db/open';
import { isPostgresUrl } from '../db/target';
import { COUNTED, createBackup, listCheckedBackups } from '../services/backup/backup';
import {
  checkBackup,
  finishPendingRestore,
  restoreFile,
  restoreInto,
  SERVER_RESTORE_REFUSED,
} from '../services/backup/restore';
import { backupDirOf, getBackupSettings } from '../services/backup/settings';
import { fmtMB } from '../services/import/limits';
import { onProgress } from '../services/import/progress';
import type { ImportOptions } from '../services/import/service';
import { isEmpty } from '../services/meta';
import { CliError, dbArg, type Io, parse, parseOptions, requireDb, unitArg } from './args';
import type { Command } from './commands-core';
import { withDb } from './session';

/**
 * Commands of the data area: import, export-ledger, template, backup, restore. Row errors go to
 * stderr; a refused import exits non-zero and writes nothing.
 */

const LEDGER_NAMES: Record<string, { entity: Entity; kind?: 'sub' | 'direct' }> = {
  子基金: { entity: 'fund', kind: 'sub' },
  直投基金: { entity: 'fund', kind: 'direct' },
  'sub-fund': { entity: 'fund', kind: 'sub' },
  'direct-fund': { entity: 'fund', kind: 'direct' },
};
for (const code of ENTITY.codes) {
  LEDGER_NAMES[code] = { entity: code };
  LEDGER_NAMES[code.replace(/_/g, '-')] = { entity: code };
  LEDGER_NAMES[ENTITY.label[code]] = { entity: code };
}

function ledgerArg(name: string | undefined) {
  const l = name ? LEDGER_NAMES[name] : undefined;
  if (!l) {
    throw new CliError(
      `${name ? `未知的台账：${name}；` : '缺少台账名称：'}请写 ${ENTITY.codes.join('、')}（或中文名：${Object.values(ENTITY.label).join('、')}、子基金、直投基金）`,
      2,
    );
  }
  return l;
}

function readInputFile(path: string): Buffer {
  if (!existsSync(path)) throw new CliError(`文件不存在：${path}`);
  const st = statSync(path);
  if (!st.isFile()) throw new CliError(`不是文件：${path}`);
  if (st.size > IMPORT_MAX_FILE_BYTES) {
    throw new CliError(
      `文件有 ${fmtMB(st.size)}，超过导入上限 ${fmtMB(IMPORT_MAX_FILE_BYTES)}；请拆分为多个文件`,
    );
  }
  return readFileSync(path);
}

function writeOut(out: string, data: Buffer) {
  try {
    writeFileSync(out, data);
  } catch (e) {
    throw new CliError(`无法写入“${out}”：${(e as Error).message}`);
  }
}

/** How many implausible-amount warnings are listed one by one. */
const SHOWN_WARNINGS = 10;

const countsText = (counts: Record<string, number>) =>
  COUNTED.filter(([t]) => t !== 'audit_log')
    .map(([t, label]) => `${label} ${counts[t] ?? 0}`)
    .join('，');

const importCommand: Command = {
  run: async (argv, io) => {
    // The import's reader (encodings, xlsx) loads for this command only, not for backup, restore or template.
    const { analyseImport } = await import('../services/import/service');
    const { previewOf } = await import('../services/import/preview');
    const { refusedRows, rejectsFile } = await import('../services/import/rejects');
    const { commitAnalysis } = await import('../services/import/commit');
    const { implausibleAmounts, unitAssumptions, unitWarning } = await import(
      '../services/import/unit-check'
    );
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      'dry-run': { type: 'boolean' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      unit: { type: 'string' },
      'skip-duplicates': { type: 'boolean' },
      'allow-duplicates': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      rejects: { type: 'string' },
      'create-missing': { type: 'boolean' },
      'no-backup': { type: 'boolean' },
      create: { type: 'boolean' },
      quiet: { type: 'boolean' },
    });
    const [ledgerName, file, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`多余的参数：${extra.join(' ')}（此命令不接受它们，请删去）`, 2);
    const ledger = ledgerArg(ledgerName);
    if (!file) throw new CliError('缺少要导入的文件：请在台账名称后写文件路径', 2);
    const db = requireDb(values);
    if (values['skip-duplicates'] && values['allow-duplicates']) {
      throw new CliError('参数 --skip-duplicates 与 --allow-duplicates 只能选一个：请去掉其中之一', 2);
    }
    let headerRow: number | undefined;
    if (values['header-row'] !== undefined) {
      headerRow = Number(values['header-row']);
      if (!Number.isInteger(headerRow) || headerRow < 1)
        throw new CliError(
          `参数 --header-row 无效：${String(values['header-row'])}；请写表头所在行号（正整数）`,
          2,
        );
    }
    const rejects = typeof values.rejects === 'string' && values.rejects !== '' ? values.rejects : null;
    if (values.rejects !== undefined && !rejects)
      throw new CliError('参数 --rejects 缺少文件名：请写 --rejects 未导入.xlsx', 2);
    if (rejects && !values['skip-invalid'] && !values['dry-run']) {
      throw new CliError(
        '参数 --rejects 需与 --skip-invalid（或 --dry-run）一起使用：请加上 --skip-invalid',
        2,
      );
    }
    const defaultUnit = unitArg(values.unit);
    const bytes = readInputFile(file);
    const dryRun = values['dry-run'] === true;
    const options: ImportOptions = {
      ledger: ledger.entity,
      fileName: basename(file),
      bytes,
      sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
      headerRow,
      defaults: ledger.kind ? [{ field: 'kind', value: ledger.kind }] : undefined,
      createMissing: values['create-missing'] === true,
      defaultUnit,
    };
    let lastLine = '';
    if (!values.quiet) {
      onProgress((p) => {
        if (p.phase === 'read' || p.phase === 'done' || p.phase === 'failed') return;
        const line = `[进度] ${p.message} ${p.done}/${p.total}\n`;
        if (line !== lastLine) io.err(line);
        lastLine = line;
      });
    }
    try {
      const create = values.create === true && !dryRun;
      return await withDb(db, { mustExist: !create, createFlag: '--create' }, async (ctx) => {
        const a = await analyseImport(ctx.opened.db, options);
        const p = previewOf(options, a);
        const used = p.mapping.filter((m) => m.field);
        const fieldHeader = new Map(p.fields.map((f) => [f.field, f.header]));
        const unitLabel = { yuan: '元', wan: '万元', yi: '亿元' } as const;
        io.out(
          `文件：${basename(file)}（${p.format === 'xlsx' ? `xlsx，工作表“${p.sheet}”` : `CSV，${p.encoding}`}，表头在第 ${p.headerRow} 行）\n`,
        );
        io.out(
          `列对应：${used
            .map(
              (m) =>
                `${p.headers[m.column]} → ${fieldHeader.get(m.field!)}${m.unit ? `（${unitLabel[m.unit]}）` : ''}`,
            )
            .join('；')}\n`,
        );
        const units = unitAssumptions(a, defaultUnit);
        if (units.length > 0)
          io.out(`金额单位：${units.map((u) => `“${u.header}”${u.reason}`).join('；')}\n`);
        const unitWarn = unitWarning(units);
        if (unitWarn) io.err(`【注意】${unitWarn}\n`);
        // The first few, then a count: a file in the wrong unit flags nearly every row.
        const odd = await implausibleAmounts(ctx.opened.db, a);
        for (const w of odd.slice(0, SHOWN_WARNINGS)) io.err(`【注意】第 ${w.row} 行：${w.message}\n`);
        if (odd.length > SHOWN_WARNINGS)
          io.err(`【注意】另有 ${odd.length - SHOWN_WARNINGS} 行金额同样可能有误，请核对金额单位\n`);
        const unused = p.mapping.filter((m) => !m.field).map((m) => p.headers[m.column]);
        if (unused.length > 0) io.out(`未导入的列：${unused.join('、')}\n`);
        const c = p.counts;
        io.out(
          `共 ${c.total} 行：可导入 ${c.ok} 行，有错误 ${c.error} 行，重复 ${c.duplicate} 行，跳过 ${c.skipped} 行\n`,
        );
        for (const t of p.toCreate)
          io.out(`将新增${t.label} ${t.names.length} 个：${t.names.slice(0, 10).join('、')}\n`);
        if (p.missingRequired.length > 0) {
          io.err(`缺少必填列：${p.missingRequired.join('、')}\n`);
          io.err('未写入任何记录。\n');
          return 1;
        }
        // One rule with the app's import page: duplicates are skipped (and listed) unless --allow-duplicates.
        const duplicates = values['allow-duplicates'] ? 'import' : 'skip';
        const skipInvalid = values['skip-invalid'] === true;
        const refused = refusedRows(a, duplicates);
        if (rejects && refused.length > 0) {
          const f = await rejectsFile(
            a,
            duplicates,
            extname(rejects).toLowerCase() === '.csv' ? 'csv' : 'xlsx',
          );
          writeOut(rejects, f.data);
          io.out(`未导入的 ${f.rows} 行及错误原因已写入 ${rejects}，修改后可再次导入\n`);
        }
        if (p.counts.duplicate > 0 && duplicates === 'skip') {
          for (const r of a.rows.filter((x) => x.status === 'duplicate')) {
            io.err(`跳过 第 ${r.rowNumber} 行：与${r.duplicateOf ?? '已有记录'}重复\n`);
          }
          io.out(`重复的 ${p.counts.duplicate} 行将跳过（--allow-duplicates 仍然导入）\n`);
        }
        const importable = a.rows.filter(
          (r) =>
            r.status === 'ok' || (r.status === 'duplicate' && duplicates === 'import' && !r.hardDuplicate),
        ).length;
        if ((refused.length > 0 && !skipInvalid) || dryRun || importable === 0) {
          for (const r of refused) for (const m of r.messages) io.err(`第 ${r.row} 行：${m}\n`);
          if (refused.length > 0 && !skipInvalid) {
            io.err(
              `有 ${refused.length} 行不能导入，未写入任何记录。可用 --skip-invalid 只导入其余 ${importable} 行有效行（--rejects FILE 另存未导入的行及错误原因）。\n`,
            );
          } else if (importable === 0) {
            io.err('没有可导入的行（全部为重复、有错误、空行或合计行），未写入任何记录。\n');
          }
          const failed = (refused.length > 0 && !skipInvalid) || importable === 0;
          if (dryRun)
            io.out(failed ? '检查未通过（--dry-run，未写入）\n' : '检查通过（--dry-run，未写入）\n');
          return failed ? 1 : 0;
        }
        for (const r of refused) for (const m of r.messages) io.err(`未导入 第 ${r.row} 行：${m}\n`);
        try {
          const noBackup = values['no-backup'] === true;
          const r = await commitAnalysis(
            ctx.opened,
            {
              ...options,
              duplicates,
              skipInvalid,
              remember: true,
              backup: async () =>
                noBackup || (await isEmpty(ctx.opened.db))
                  ? null
                  : (await createBackup(ctx.opened, { reason: 'before-import' })).path,
            },
            a,
          );
          io.out(
            `已导入 ${r.created} 条${ENTITY.label[ledger.entity]}${r.createdLinked ? `，新增关联记录 ${r.createdLinked} 个` : ''}${r.skippedDuplicates ? `，跳过重复 ${r.skippedDuplicates} 行` : ''}${r.rejectedRows ? `，未导入有错误的 ${r.rejectedRows} 行` : ''}${r.backupFile ? `\n导入前备份：${r.backupFile}` : ''}\n`,
          );
          return 0;
        } catch (e) {
          const body = (e as { body?: { message: string; issues?: { row?: number; message: string }[] } })
            .body;
          if (!body) throw e;
          for (const i of body.issues ?? []) io.err(`第 ${i.row} 行：${i.message}\n`);
          io.err(`错误：${body.message}\n`);
          return 1;
        }
      });
    } finally {
      onProgress(null);
    }
  },
};

/** The file named by --out (what: 导出文件, 模板文件…), required. */
function outArg(values: { out?: string | boolean | undefined }, what: string): string {
  const out = values.out;
  if (typeof out !== 'string' || out === '')
    throw new CliError(`缺少参数 --out：请用 --out FILE 指定${what}`, 2);
  return out;
}

/** A ledger file's format by its extension: .csv is CSV, anything else xlsx. */
const formatOf = (file: string) => (extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx');

/**
 * What the commands that write a ledger's file take: `<台账> --out FILE [--unit 万元…] [--db FILE]`, plus
 * their own options.
 */
function ledgerFileArgs(argv: string[], what: string, more: Parameters<typeof parse>[1] = {}) {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    unit: { type: 'string' },
    ...more,
  });
  const ledger = ledgerArg(positionals[0]);
  if (positionals.length > 1)
    throw new CliError(`多余的参数：${positionals.slice(1).join(' ')}（此命令不接受它们，请删去）`, 2);
  const out = outArg(values, what);
  return { values, ledger, out, unit: unitArg(values.unit, 'wan')! };
}

const exportCommand: Command = {
  run: async (argv, io) => {
    const { values, ledger, out, unit } = ledgerFileArgs(argv, '导出文件', { format: { type: 'string' } });
    const db = requireDb(values);
    const format = values.format ?? formatOf(out);
    if (format !== 'xlsx' && format !== 'csv')
      throw new CliError(`参数 --format 无效：${format}；请写 xlsx 或 csv`, 2);
    const { exportLedger } = await import('../services/import/ledger-export');
    const f = await withDb(db, { mustExist: true }, (ctx) =>
      exportLedger(ctx.opened.db, ledger.entity, { format, unit, kind: ledger.kind }),
    );
    writeOut(out, f.data);
    io.out(`已导出 ${f.rows} 条${ENTITY.label[ledger.entity]} → ${out}\n`);
    return 0;
  },
};

const templateCommand: Command = {
  run: async (argv, io) => {
    const { values, ledger, out, unit } = ledgerFileArgs(argv, '模板文件');
    const format = formatOf(out);
    const { importTemplate } = await import('../services/import/template');
    const db = dbArg(values);
    const f =
      db !== undefined
        ? await withDb(db, { mustExist: true }, (ctx) =>
            importTemplate(ctx.opened.db, ledger.entity, format, unit),
          )
        : await importTemplate(null, ledger.entity, format, unit);
    writeOut(out, f.data);
    io.out(`已生成${ENTITY.label[ledger.entity]}导入模板 → ${out}\n`);
    return 0;
  },
};

const backupCommand: Command = {
  run: async (argv, io) => {
    const values = parseOptions(argv, {
      db: { type: 'string' },
      out: { type: 'string' },
      list: { type: 'boolean' },
    });
    const db = requireDb(values);
    return withDb(db, { mustExist: true }, async (ctx) => {
      if (values.list) {
        const dir = backupDirOf(ctx.opened.path, await getBackupSettings(ctx.opened.db));
        const items = await listCheckedBackups(dir, ctx.opened.path);
        io.out(`备份文件夹：${dir}（${items.length} 份）\n`);
        for (const i of items) {
          const state = i.verified ? '已校验' : `不可用（${i.problem ?? '未校验'}）`;
          io.out(
            `${new Date(i.createdAt).toLocaleString('zh-CN')}  ${i.reasonLabel}  ${fmtMB(i.sizeBytes)}  ${state}  ${i.file}\n`,
          );
        }
        return 0;
      }
      let item: Awaited<ReturnType<typeof createBackup>>;
      const out = typeof values.out === 'string' && values.out !== '' ? resolve(values.out) : null;
      if (out && existsSync(out) && statSync(out).isDirectory()) {
        item = await createBackup(ctx.opened, { reason: 'cli', dir: out, rotate: false });
      } else if (out) {
        if (existsSync(out)) throw new CliError(`“${out}”已存在，请换一个文件名（不会覆盖已有文件）`);
        if (resolve(out) === resolve(ctx.opened.path)) throw new CliError('备份文件不能是数据库文件本身');
        item = await createBackup(ctx.opened, { reason: 'cli', file: out });
      } else {
        item = await createBackup(ctx.opened, { reason: 'cli' });
      }
      io.out(
        `已备份并校验通过 → ${item.path}（${fmtMB(item.sizeBytes)}；${countsText(item.counts ?? {})}）\n`,
      );
      return 0;
    });
  },
};

const restoreCommand: Command = {
  run: async (argv, io) => {
    const values = parseOptions(argv, { db: { type: 'string' }, from: { type: 'string' } });
    if (isPostgresUrl(requireDb(values))) throw new CliError(SERVER_RESTORE_REFUSED);
    const db = resolve(requireDb(values));
    const from = typeof values.from === 'string' && values.from !== '' ? resolve(values.from) : null;
    if (!from) throw new CliError('缺少参数 --from：请用 --from PATH 指定备份文件', 2);
    if (from === db) throw new CliError('备份文件与数据库是同一个文件');
    if (!existsSync(from) || !statSync(from).isFile()) throw new CliError(`备份文件不存在：${from}`);
    const restore = async <T>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (e) {
        const body = (e as { body?: { message: string } }).body;
        if (body) throw new CliError(body.message);
        if (e instanceof DbError) throw new CliError(e.message);
        throw e;
      }
    };
    // A backup that cannot be used is refused before the database is even opened (opening writes its marker).
    await restore(() => checkBackup(from));
    finishPendingRestore(db);
    // Another process (the app, an import) with the file open would keep writing to the file it opened.
    if (existsSync(db) && openElsewhere(db)) {
      throw new CliError(
        `数据库“${db}”正被另一个程序（例如 FundDesk 应用或命令行导入）打开，不能恢复；请先关闭它再恢复。未做任何改动`,
      );
    }
    if (!existsSync(db) || statSync(db).size === 0) {
      await restore(() => restoreFile(db, from));
      io.out(`已从备份恢复 → ${db}\n`);
      return 0;
    }
    let opened: Awaited<ReturnType<typeof openDatabase>>;
    try {
      opened = await openDatabase(db, { mustExist: true });
    } catch (e) {
      if (!(e instanceof DbError)) throw e;
      if (e.code !== 'damaged') throw new CliError(`${e.message}；未做任何改动`);
      const r = await restore(() => restoreFile(db, from));
      io.out(`数据库已损坏，原文件已另存为 ${r.asidePath}\n已从备份恢复 → ${db}\n`);
      return 0;
    }
    try {
      const r = await restore(() => restoreInto(opened, from));
      io.out(
        `${r.safetyBackup ? `恢复前已备份当前数据 → ${r.safetyBackup.path}\n` : ''}已从备份恢复 → ${db}（${countsText(r.counts)}）\n`,
      );
      return 0;
    } finally {
      await opened.close();
    }
  },
};

/** Commands of the data area (merged into src/main/cli/main.ts). */
export const dataCommands: Record<string, Command> = {
  import: importCommand,
  'export-ledger': exportCommand,
  template: templateCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

export type { Io };
