import { todayIso } from '@shared/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { navigate, useRoute } from '../../lib/router';

/** The as-of date of the compliance pages: ?asOf= in the route, else today. */
export function useComplianceAsOf(path: string): [string, (d: string) => void] {
  const { params } = useRoute();
  const asOf = params.get('asOf') ?? todayIso();
  return [asOf, (d) => navigate(path, { ...Object.fromEntries(params), asOf: d })];
}

export function useAlerts(asOf: string) {
  return useQuery({
    queryKey: ['compliance', 'alerts', asOf],
    queryFn: () => api('compliance.alerts', { asOf }),
  });
}

/** After a compliance write: every figure that depends on it is read again. */
export function useRefreshCompliance() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['compliance'] }),
      qc.invalidateQueries({ queryKey: ['report'] }),
    ]);
}
