import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/**
 * Why the open database cannot be edited (e.g. 「数据库文件只读」, from app.info), or null. Screens that add,
 * edit, delete, import or restore disable those actions and show this reason; the main process refuses such
 * writes anyway, with the same reason.
 */
export function useReadOnly(): string | null {
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => api('app.info') });
  return info.data?.readOnly ?? null;
}

/** The tooltip of an action the read-only database disables. */
export const readOnlyTip = (reason: string) => `${reason}：只能查看和导出，不能修改`;
