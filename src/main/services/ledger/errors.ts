import { ApiError, type ApiErrorBody } from '../../../shared/contract/define';

/** A SQLite failure as a Chinese message (the last line of defence after the schemas): db/errors.ts. */
export { explainDbError as explainSqliteError } from '../../db/errors';

export function fail(code: ApiErrorBody['code'], message: string, issues?: ApiErrorBody['issues']): never {
  throw new ApiError({ code, message, ...(issues ? { issues } : {}) });
}
