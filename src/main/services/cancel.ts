import { ApiError } from '../../shared/contract/define';

/** The error a cancelled task ends with: thrown inside its transaction, so nothing it wrote is kept. */
export function cancelledError(what: string): ApiError {
  return new ApiError({ code: 'cancelled', message: `已取消${what}，数据库没有改动` });
}

/** Throws cancelledError between a long task's batches once the user has cancelled it. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw cancelledError(what);
}
