import { LEDGER_COLUMNS } from '../../shared/columns/ledgers';
import { ApiError } from '../../shared/contract/define';

/**
 * Every SQLite failure a user can meet, in Chinese: what happened, that nothing was written, what to do.
 * SQLite's own text (English, often SQL) never reaches a user; it is kept only as `detail` for logs.
 */

export type DbErrorCode =
  | 'not_a_file'
  | 'missing'
  | 'empty'
  | 'cannot_open'
  | 'not_funddesk'
  | 'newer_version'
  | 'damaged'
  | 'read_only'
  | 'in_use'
  | 'migration_failed';

/** A database that cannot be used as it is; the message is for the user, in Chinese. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** SQLSTATE 08006 (connection_failure): pg-sync.ts gives it to a statement that met a lost server connection. */
export const LOST_CONNECTION = '08006';

const NOTHING = '本次操作没有写入任何内容，已有数据未受影响';

type Explained = { code: ApiError['code']; message: string };

/** The primary result code of a SQLite error ('SQLITE_CONSTRAINT_CHECK' → 'CONSTRAINT'), or null. */
export function sqlitePrimary(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (!code.startsWith('SQLITE_')) return FS_AS_SQLITE[code] ?? null;
  return code.slice('SQLITE_'.length).split('_')[0] ?? null;
}

/** File-system failures (copying, hashing, writing a manifest) read like the SQLite ones they resemble. */
const FS_AS_SQLITE: Record<string, string> = {
  ENOSPC: 'FULL',
  EDQUOT: 'FULL',
  EROFS: 'READONLY',
  EACCES: 'PERM',
  EPERM: 'PERM',
  EIO: 'IOERR',
  ENOENT: 'CANTOPEN',
};

let fieldLabels: Map<string, string> | null = null;
/** Chinese column headers by SQLite column name, from the ledgers' column specs. */
function fieldLabel(field: string): string | null {
  if (!fieldLabels) {
    fieldLabels = new Map();
    for (const specs of Object.values(LEDGER_COLUMNS))
      for (const s of specs) if (!fieldLabels.has(s.field)) fieldLabels.set(s.field, s.header);
  }
  return fieldLabels.get(field) ?? null;
}

/** The labelled fields named in a failed constraint's text (SQLite puts the columns or the CHECK there). */
function fieldsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[a-z][a-z0-9_]*/g)) {
    const label = fieldLabel(m[0].replace(/^\w+\./, ''));
    if (label && !out.includes(label)) out.push(label);
  }
  return out;
}

function constraintMessage(code: string, raw: string): Explained {
  const fields = fieldsIn(raw.replace(/^[A-Z ]+constraint failed:?/i, ''));
  const which = fields.length > 0 ? `（涉及：${fields.slice(0, 3).join('、')}）` : '';
  if (code.endsWith('_UNIQUE') || code.endsWith('_PRIMARYKEY') || /UNIQUE/.test(raw)) {
    return { code: 'conflict', message: `与已有记录重复${which}，未保存。请修改后重试` };
  }
  if (code.endsWith('_FOREIGNKEY') || /FOREIGN KEY/.test(raw)) {
    return { code: 'in_use', message: '关联的记录不存在或仍被其他记录引用，未保存。请先处理关联记录' };
  }
  if (code.endsWith('_NOTNULL') || /NOT NULL/.test(raw)) {
    return { code: 'validation', message: `必填项为空${which}，未保存。请填写后重试` };
  }
  return {
    code: 'validation',
    message: `数据不符合数据库的规则${which}，未保存。常见原因：日期的年份超出范围、金额为负、前后日期颠倒。请检查后重试`,
  };
}

/**
 * A SQLite (or other) failure of a read or write, as the user should read it. Errors that are already
 * for the user (ApiError, DbError) pass through unchanged.
 */
export function explainDbError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof DbError) return new ApiError({ code: 'database', message: e.message });
  const full =
    typeof (e as { code?: unknown })?.code === 'string' ? String((e as { code: string }).code) : '';
  const raw = (e as Error)?.message ?? String(e);
  const primary = sqlitePrimary(e);
  const db = (message: string): ApiError => new ApiError({ code: 'database', message });
  if ((e as { sqlstate?: unknown })?.sqlstate === LOST_CONNECTION) {
    // pg-sync.ts: the server connection was lost (a restart, the network); the next action connects anew.
    return db(
      `与 PostgreSQL 服务器的连接中断了，${NOTHING}（未完成的修改已由服务器撤销）。FundDesk 会自动重新连接：请稍后重试；如仍失败，请检查网络和服务器是否在运行`,
    );
  }
  switch (primary) {
    case 'CONSTRAINT':
      return new ApiError(constraintMessage(full, raw));
    case 'FULL':
      return db(`磁盘空间已满，${NOTHING}。请清理数据库所在磁盘（或备份文件夹）的空间后重试`);
    case 'READONLY':
      return db(
        `数据库文件只读，不能修改；${NOTHING}。如需编辑，请把文件复制到可写的文件夹，或请管理员开放写权限`,
      );
    case 'BUSY':
    case 'LOCKED':
      return db(`数据库正被另一个程序（例如正在导入的命令行或另一个 FundDesk）占用，${NOTHING}。请稍后重试`);
    case 'CORRUPT':
    case 'NOTADB':
      return db(`数据库文件已损坏，${NOTHING}。请关闭 FundDesk 后重新打开，按提示从备份恢复`);
    case 'CANTOPEN':
      return db(`无法打开数据库文件或其临时文件，${NOTHING}。请检查文件是否被移走、所在磁盘是否仍可访问`);
    case 'IOERR':
      return db(`读写磁盘出错，${NOTHING}。请检查磁盘或网络共享是否仍可访问，然后重试`);
    case 'PERM':
    case 'AUTH':
      return db(`没有访问数据库文件的权限，${NOTHING}。请检查文件和文件夹的权限`);
    case 'NOMEM':
      return db(`内存不足，${NOTHING}。请关闭其他程序后重试`);
    case 'TOOBIG':
      return db(`内容过大，超出数据库允许的大小，${NOTHING}`);
    case null:
      if (/CHECK constraint failed|UNIQUE constraint failed|FOREIGN KEY constraint failed/.test(raw))
        return new ApiError(constraintMessage(full, raw));
      return new ApiError({
        code: 'internal',
        message: `程序内部出错，${NOTHING}。请重试；如仍出现，请联系维护人员`,
      });
    default:
      return db(`数据库出错（错误代码 ${full}），${NOTHING}。请重试；如仍出现，请联系维护人员`);
  }
}

/** Open-time failures: the DbError a user reads for a SQLite error met while opening `name`. */
export function openError(e: unknown, name: string): DbError {
  if (e instanceof DbError) return e;
  switch (sqlitePrimary(e)) {
    case 'CORRUPT':
    case 'NOTADB':
      return new DbError(
        'damaged',
        `数据库文件“${name}”已损坏，或不是 SQLite 数据库文件；文件未被改动，请从备份恢复`,
      );
    case 'READONLY':
      return new DbError('read_only', `数据库文件只读：“${name}”`);
    case 'BUSY':
    case 'LOCKED':
      return new DbError(
        'in_use',
        `数据库文件“${name}”正被另一个程序独占使用；文件未被改动。请关闭该程序后重试`,
      );
    case 'FULL':
      return new DbError(
        'cannot_open',
        `磁盘空间已满，无法打开数据库文件“${name}”；文件未被改动。请清理磁盘空间后重试`,
      );
    case 'PERM':
    case 'AUTH':
      return new DbError('cannot_open', `没有读取数据库文件“${name}”的权限；请检查文件和文件夹的权限`);
    default:
      return new DbError('cannot_open', `无法打开数据库文件“${name}”（${explainDbError(e).message}）`);
  }
}
