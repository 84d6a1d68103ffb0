import type { BackupSettings } from '../../../shared/contract/data';

/**
 * Which backups to keep: the newest `keepRecent`; the newest of each of the last `keepDaily` days and
 * of the last `keepMonthly` months (local time); the newest few taken by hand; then, while the kept
 * copies together exceed `maxTotalMB`, the oldest of them go (the newest backup always stays).
 */
export interface RotationItem {
  file: string;
  createdAt: Date;
  sizeBytes: number;
  reason: string;
}

const KEEP_MANUAL = 5;

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}`;

export function backupsToDelete(
  items: RotationItem[],
  s: Pick<BackupSettings, 'keepRecent' | 'keepDaily' | 'keepMonthly' | 'maxTotalMB'>,
  now = new Date(),
): string[] {
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<RotationItem>(sorted.slice(0, Math.max(1, s.keepRecent)));

  const days = new Set<string>();
  for (let i = 0; i < s.keepDaily; i++)
    days.add(dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i)));
  const months = new Set<string>();
  for (let i = 0; i < s.keepMonthly; i++)
    months.add(monthKey(new Date(now.getFullYear(), now.getMonth() - i, 1)));
  const seenDay = new Set<string>();
  const seenMonth = new Set<string>();
  let manual = 0;
  for (const it of sorted) {
    const d = dayKey(it.createdAt);
    const m = monthKey(it.createdAt);
    if (days.has(d) && !seenDay.has(d)) {
      seenDay.add(d);
      keep.add(it);
    }
    if (months.has(m) && !seenMonth.has(m)) {
      seenMonth.add(m);
      keep.add(it);
    }
    if (it.reason === 'manual' && manual < KEEP_MANUAL) {
      manual++;
      keep.add(it);
    }
  }

  const kept = sorted.filter((it) => keep.has(it));
  let total = kept.reduce((n, it) => n + it.sizeBytes, 0);
  const max = s.maxTotalMB * 1024 * 1024;
  while (total > max && kept.length > 1) {
    const oldest = kept.pop()!;
    keep.delete(oldest);
    total -= oldest.sizeBytes;
  }
  return sorted.filter((it) => !keep.has(it)).map((it) => it.file);
}
