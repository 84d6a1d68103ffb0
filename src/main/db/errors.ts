export type DbErrorCode =
  | 'not_a_file'
  | 'cannot_open'
  | 'not_funddesk'
  | 'newer_version'
  | 'damaged'
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
