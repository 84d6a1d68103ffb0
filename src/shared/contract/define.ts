import type { z } from 'zod';
import { LONE_SURROGATE_MESSAGE, loneSurrogatePath } from '../schemas/strings';

/** A channel: its zod input schema, and (as a phantom type) its result. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Never set at run time: carries the result type. */
  readonly __result?: O;
}

/**
 * A channel of the contract. Whatever its schema, a text anywhere in the input (a value, a key, a settings
 * value) holding a lone UTF-16 surrogate is refused: SQLite would store it as U+FFFD while the call
 * answered ok.
 */
export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({
    input: input.superRefine((v, ctx) => {
      const path = loneSurrogatePath(v);
      if (path) ctx.addIssue({ code: 'custom', path, message: `文字${LONE_SURROGATE_MESSAGE}` });
    }) as I,
  });
}

/** A failure every caller understands: a Chinese message, and the fields it concerns. */
export interface ApiErrorBody {
  code:
    | 'validation'
    | 'conflict'
    | 'not_found'
    | 'in_use'
    | 'database'
    | 'internal'
    | 'bad_request'
    /** Edited on an older version than the stored one (someone else changed it meanwhile): nothing written. */
    | 'stale'
    /** The user cancelled a long task (task.cancel); nothing was written. */
    | 'cancelled';
  message: string;
  issues?: { field: string | null; message: string; row?: number; code?: string }[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.body.code;
  }
  get issues() {
    return this.body.issues ?? [];
  }
}
