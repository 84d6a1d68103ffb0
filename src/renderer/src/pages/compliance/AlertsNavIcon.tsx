import { BellOutlined } from '@ant-design/icons';
import { todayIso } from '@shared/dates';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { api } from '../../api';
import './compliance.css';

/** The 提醒 menu entry's icon, with the count of alerts not yet acknowledged (as of today). */
export function AlertsNavIcon() {
  const q = useQuery({
    queryKey: ['compliance', 'count'],
    queryFn: () => api('compliance.alertCount', { asOf: todayIso() }),
    refetchInterval: 5 * 60_000,
  });
  const n = q.data?.open ?? 0;
  return (
    <span className="fd-nav-alerts">
      <BellOutlined />
      {n > 0 ? (
        <Badge
          className="fd-nav-count"
          count={n}
          overflowCount={999}
          color={q.data?.high ? 'red' : 'orange'}
          data-testid="alerts-count"
        />
      ) : null}
    </span>
  );
}
