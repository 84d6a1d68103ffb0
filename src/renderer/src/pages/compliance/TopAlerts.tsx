import { Card, Typography } from 'antd';
import { navigate } from '../../lib/router';
import { AlertItem } from './AlertsPage';
import { useAlerts } from './useCompliance';

/** The overview's top alerts: the first few not yet acknowledged, most urgent first. */
export function TopAlerts({ asOf, max = 4 }: { asOf: string; max?: number }) {
  const q = useAlerts(asOf);
  const open = (q.data?.alerts ?? []).filter((a) => !a.acknowledged);
  if (!open.length) return null;
  return (
    <Card
      size="small"
      title={`待处理提醒（${open.length} 条）`}
      extra={<Typography.Link onClick={() => navigate('/alerts', { asOf })}>查看全部提醒</Typography.Link>}
      style={{ marginBottom: 12 }}
      data-testid="top-alerts"
    >
      {open.slice(0, max).map((a) => (
        <AlertItem key={a.key} a={a} />
      ))}
    </Card>
  );
}
