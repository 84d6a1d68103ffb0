import type { Channel } from '../../../shared/contract';

/**
 * The calls that change the database. On a PostgreSQL server opened with a role that may only read (the reader
 * role of docs/TEAM.md) the data host refuses them before any SQL runs (host.ts); the server's GRANTs refuse
 * anything that slips past anyway. Two channels read without their optional argument and write with it.
 */
const WRITES: ReadonlySet<Channel> = new Set<Channel>([
  'ledger.create',
  'ledger.createMany',
  'ledger.update',
  'ledger.delete',
  'ledger.restore',
  'import.commit',
  'backup.restore',
  'settings.set',
  'demo.load',
  'demo.clear',
  'compliance.ack',
  'compliance.filing.create',
  'compliance.filing.mark',
  'compliance.fundRuleSet',
  'compliance.override',
  'compliance.ruleSet.delete',
  'compliance.ruleSet.import',
  'compliance.ruleSet.save',
  'compliance.thresholds.save',
  'evaluation.save',
  'evaluation.template.copy',
  'evaluation.template.default',
  'evaluation.template.delete',
  'evaluation.template.import',
  'evaluation.template.save',
]);

export function writesData(channel: string, input: unknown): boolean {
  if (WRITES.has(channel as Channel)) return true;
  const arg = (input ?? {}) as { patch?: unknown; remove?: unknown };
  if (channel === 'backup.settings') return arg.patch !== undefined;
  if (channel === 'import.mappings') return arg.remove !== undefined;
  return false;
}

/** What a read-only role is told when it tries to change something (#17). */
export const READER_REFUSAL = '当前数据库账号只有查看权限，不能修改；如需修改请联系管理员';
