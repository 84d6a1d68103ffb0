import { ApiError, type ApiErrorBody } from '../../../shared/contract/define';

export function fail(code: ApiErrorBody['code'], message: string, issues?: ApiErrorBody['issues']): never {
  throw new ApiError({ code, message, ...(issues ? { issues } : {}) });
}

/** Turn a SQLite constraint failure into a Chinese message (the last line of defence after the schemas). */
export function explainSqliteError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(msg)) {
    return new ApiError({
      code: 'conflict',
      message: `与已有记录重复（${msg.replace('UNIQUE constraint failed: ', '')}）`,
    });
  }
  if (err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY/.test(msg)) {
    return new ApiError({ code: 'in_use', message: '关联的记录不存在或仍被其他记录引用' });
  }
  if (err.code === 'SQLITE_CONSTRAINT_CHECK' || /CHECK constraint failed/.test(msg)) {
    return new ApiError({
      code: 'validation',
      message: `数据不符合规则：${msg.replace('CHECK constraint failed: ', '')}`,
    });
  }
  if (typeof err.code === 'string' && err.code.startsWith('SQLITE_')) {
    return new ApiError({ code: 'database', message: `数据库错误：${msg}` });
  }
  return new ApiError({ code: 'internal', message: `内部错误：${msg}` });
}
