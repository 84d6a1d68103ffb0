import type { BackupItem } from '../../../shared/contract/data';
import type { OpenedDb } from '../../db/open';
import { createBackup, fingerprint, newestFingerprint } from './backup';
import { backupDirOf, getBackupSettings } from './settings';

/**
 * Automatic backups for a running app (Electron or the browser preview): on start, every few minutes
 * while the data changes, and on quit — each skipped when nothing changed since the newest backup.
 * Never throws: a failed backup is reported to `log` and tried again at the next tick.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastAt = 0;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly getOpened: () => OpenedDb | null,
    private readonly log: (message: string) => void = () => {},
    /** How often to look for changes (ms); the settings' interval decides when to back up. */
    private readonly checkEveryMs = 60_000,
  ) {}

  /** Back up if the data differs from the newest backup. Resolves with the backup, or null. */
  async backupIfChanged(reason: 'start' | 'auto' | 'quit'): Promise<BackupItem | null> {
    const opened = this.getOpened();
    if (!opened || opened.readOnly) return null; // nothing changes, and nothing may be written beside it
    const run = async () => {
      try {
        const settings = await getBackupSettings(opened.db);
        if (!settings.enabled) return null;
        if (opened.raw.inTransaction) return null; // an import is writing: next tick
        const dir = backupDirOf(opened.path, settings);
        if (newestFingerprint(dir, opened.path) === fingerprint(opened.raw)) return null;
        const item = await createBackup(opened, { reason });
        this.lastAt = Date.now();
        return item;
      } catch (e) {
        this.log(`自动备份失败：${(e as Error).message}`);
        return null;
      }
    };
    const p = this.running.then(run);
    this.running = p.catch(() => {});
    return p;
  }

  /** The backup on start, then the periodic check. */
  start(): Promise<BackupItem | null> {
    this.lastAt = Date.now();
    this.timer = setInterval(() => void this.tick(), this.checkEveryMs);
    this.timer.unref();
    return this.backupIfChanged('start');
  }

  async tick(): Promise<BackupItem | null> {
    const opened = this.getOpened();
    if (!opened) return null;
    try {
      const s = await getBackupSettings(opened.db);
      if (!s.enabled || Date.now() - this.lastAt < s.intervalMinutes * 60_000) return null;
    } catch {
      return null;
    }
    const r = await this.backupIfChanged('auto');
    this.lastAt = Date.now();
    return r;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The backup on quit (waits for one already running). */
  async quit(): Promise<BackupItem | null> {
    this.stop();
    return this.backupIfChanged('quit');
  }
}
