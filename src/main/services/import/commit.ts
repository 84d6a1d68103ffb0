import type { DuplicatePolicy, ImportCommitResult } from '../../../shared/contract/data';
import type { Entity } from '../../../shared/domain';
import { validateEntity } from '../../../shared/schemas/entities';
import type { OpenedDb } from '../../db/open';
import { throwIfCancelled } from '../cancel';
import { explainSqliteError, fail } from '../ledger/errors';
import { REGISTRY } from '../ledger/registry';
import { insertRows, writeAtOnce } from '../ledger/write';
import { LINK_LABEL } from './links';
import { rememberMapping } from './mappings';
import { setProgress } from './progress';
import { refusedRows } from './rejects';
import { type Analysis, analyseImport, dbState, type ImportOptions, type RowResult } from './service';

/**
 * The commit of an import (service.ts analyses): refuses by the duplicate policy, takes a backup, then
 * SQLite's write lock; inside that transaction it uses the analysis only if the database is exactly as the
 * analysis saw it, else analyses again, and adds every accepted row at once (ledger/write.ts): all or
 * nothing, never seen half-done by a reader, never twice by two imports of one file.
 */

type Values = Record<string, unknown>;

export interface CommitOptions extends ImportOptions {
  duplicates: DuplicatePolicy;
  /** 仅导入有效行: refused rows (errors, refused duplicates) are left out instead of refusing the file. */
  skipInvalid?: boolean | undefined;
  remember: boolean;
  /** Takes a backup just before writing; returns its file name (or null). */
  backup?: () => Promise<string | null>;
  /** Cancels the import up to the moment it writes (the write itself is one synchronous transaction). */
  signal?: AbortSignal | undefined;
}

function rowIssues(rows: RowResult[]) {
  return rows.flatMap((r) =>
    r.issues.length > 0
      ? r.issues.map((i) => ({ field: i.field, message: i.message, row: r.rowNumber }))
      : [{ field: null, message: `与${r.duplicateOf ?? '已有记录'}重复`, row: r.rowNumber }],
  );
}

const rowList = (rows: RowResult[]) =>
  `第 ${rows
    .slice(0, 8)
    .map((r) => r.rowNumber)
    .join('、')}${rows.length > 8 ? ' 等' : ''} 行`;

export async function commitImport(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  o: CommitOptions,
): Promise<ImportCommitResult> {
  return commitAnalysis(opened, o, await analyseImport(opened.db, o));
}

/** The rows an analysis lets a commit add under its duplicate policy; refuses (writing nothing) otherwise. */
function acceptedRows(o: CommitOptions, a: Analysis): RowResult[] {
  if (a.missingRequired.length > 0) {
    fail('validation', `文件缺少必填列：${a.missingRequired.join('、')}；请在“列对应”中指定，全部未写入`);
  }
  const errors = a.rows.filter((r) => r.status === 'error');
  const dups = a.rows.filter((r) => r.status === 'duplicate');
  const hardDups = dups.filter((r) => r.hardDuplicate);
  // 仅导入有效行 (skipInvalid): refused rows stay out (refusedRows lists them); otherwise all or nothing.
  if (errors.length > 0 && !o.skipInvalid) {
    fail(
      'validation',
      `有 ${errors.length} 行有错误（${rowList(errors)}），全部未写入；请修改文件后重新导入`,
      rowIssues(errors),
    );
  }
  if (dups.length > 0 && o.duplicates === 'refuse' && !o.skipInvalid) {
    fail(
      'conflict',
      `有 ${dups.length} 行与已有记录或文件中前面的行重复（${rowList(dups)}），全部未写入；请选择“跳过重复行”或“仍然导入”`,
      rowIssues(dups),
    );
  }
  if (o.duplicates === 'import' && hardDups.length > 0 && !o.skipInvalid) {
    fail(
      'conflict',
      `有 ${hardDups.length} 行与已有记录的唯一信息（统一社会信用代码、名称或估值日）相同，不能重复导入（${rowList(hardDups)}），全部未写入`,
      rowIssues(hardDups),
    );
  }
  const accepted = a.rows.filter(
    (r) =>
      r.status === 'ok' ||
      (r.status === 'duplicate' && o.duplicates === 'import' && !(o.skipInvalid && r.hardDuplicate)),
  );
  if (accepted.length === 0) fail('validation', '没有可导入的行（全部为重复、空行或合计行），未写入任何记录');
  return accepted;
}

/**
 * Adds the records named by rows but not stored yet (createMissing), then the accepted rows, each with its
 * audit row; synchronous (inside writeAtOnce). Returns how many linked records it created.
 */
const WRITE_PART = 2000;

function writeRows(
  raw: Parameters<typeof insertRows>[0],
  entity: Entity,
  a: Analysis,
  accepted: RowResult[],
) {
  const def = REGISTRY[entity];
  const real = new Map<number, number>();
  let createdLinked = 0;
  for (const [linkEntity, names] of a.links.pending) {
    for (const { name, id: sentinel } of names.values()) {
      const v = validateEntity(linkEntity, { name });
      if (!v.ok)
        fail(
          'validation',
          `不能新增${LINK_LABEL[linkEntity]}“${name}”：${v.issues.map((i) => i.message).join('；')}`,
        );
      const [id] = insertRows(raw, REGISTRY[linkEntity].table, [v.value as Values]);
      real.set(sentinel, id!);
      createdLinked++;
      insertRows(raw, 'audit_log', [
        auditRow(linkEntity, id!, `导入时新增${LINK_LABEL[linkEntity]}“${name}”`, v.value as Values),
      ]);
    }
  }
  const values = accepted.map((r) => {
    const v = { ...r.values! };
    for (const [k, x] of Object.entries(v)) if (typeof x === 'number' && real.has(x)) v[k] = real.get(x);
    return v;
  });
  // In parts, each followed by a progress report: still one synchronous transaction (no reader sees half of
  // it), but the CLI's stderr and the app's progress bar hear how far it is while it writes.
  const total = values.length;
  for (let i = 0; i < total; i += WRITE_PART) {
    const part = values.slice(i, i + WRITE_PART);
    const ids = insertRows(raw, def.table, part);
    insertRows(
      raw,
      'audit_log',
      part.map((v, j) => auditRow(entity, ids[j]!, `导入${def.label}“${def.nameOf(v)}”`, v)),
    );
    setProgress({ phase: 'write', done: Math.min(i + WRITE_PART, total), total, message: '正在写入…' });
  }
  return createdLinked;
}

/** One audit row per created record, as writeAudit writes them. */
const auditRow = (entity: Entity, id: number, summary: string, values: Values) => ({
  action: 'create',
  entity,
  entity_id: id,
  summary,
  before_json: null,
  after_json: JSON.stringify({ id, ...values }),
  source: 'import',
});

/**
 * Adds the accepted rows of an analysis in one transaction, or refuses and writes nothing. Inside the write
 * transaction the analysis is used only if the database is as it was when the analysis began; otherwise
 * (another window or process wrote, e.g. the same file imported at the same time) the file is checked
 * again there, so its duplicates are found.
 */
export async function commitAnalysis(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  o: CommitOptions,
  analysis: Analysis,
): Promise<ImportCommitResult> {
  try {
    const entity = o.ledger;
    acceptedRows(o, analysis);
    const backupFile = o.backup ? await o.backup() : null;
    const { a, accepted, createdLinked } = await writeAtOnce(
      opened,
      async (conn) => {
        // The last moment a cancel takes effect: the write itself is one synchronous transaction.
        throwIfCancelled(o.signal, '导入');
        const a = (await dbState(conn)) === analysis.state ? analysis : await analyseImport(conn, o);
        return { a, accepted: acceptedRows(o, a) };
      },
      (raw, { a, accepted }) => {
        setProgress({
          phase: 'write',
          done: 0,
          total: accepted.length,
          message: '正在写入（已不能取消；全部写入或全部不写）…',
        });
        return { a, accepted, createdLinked: writeRows(raw, entity, a, accepted) };
      },
    ).catch((e) => {
      throw explainSqliteError(e);
    });
    const total = accepted.length;
    if (o.remember) await rememberMapping(opened.db, a.layout, entity, a.headers, a.mapping, o.fileName);
    setProgress({ phase: 'done', done: total, total, message: `已导入 ${total} 条` });
    return {
      ledger: entity,
      created: total,
      skippedDuplicates: o.duplicates === 'skip' ? a.rows.filter((r) => r.status === 'duplicate').length : 0,
      rejectedRows: o.skipInvalid ? refusedRows(a, o.duplicates).length : 0,
      skippedRows: a.rows.filter((r) => r.status === 'skipped').length,
      createdLinked,
      backupFile,
    };
  } catch (e) {
    setProgress({ phase: 'failed', done: 0, total: 0, message: (e as Error).message });
    throw e;
  }
}
