import { api } from '../api';

/**
 * The user name of this installation (#17): kept in the renderer's own storage (per installation and
 * profile, never in the shared database); when none is saved the data host uses the login name
 * (FUNDDESK_USER / os.userInfo). Sent to the data host at start and whenever 设置 changes it.
 */
const KEY = 'funddesk.userName';

export function savedUserName(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the login name it is
  }
}

/** At start: tell the data host the saved name, if any. */
export async function applySavedUserName(): Promise<void> {
  const name = savedUserName();
  if (name) await api('session.setUser', { name }).catch(() => {});
}

/** 设置: save a new name (null: back to the login name); answers the name now in use. */
export async function saveUserName(name: string | null): Promise<string> {
  const r = await api('session.setUser', { name });
  if (name === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, r.name);
  return r.name;
}
