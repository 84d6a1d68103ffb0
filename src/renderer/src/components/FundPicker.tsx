import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { api } from '../api';

/**
 * 基金: a searchable choice of every fund (评分表, 单只基金报告). `withHint` adds each fund's hint to its name,
 * where funds of one name must be told apart.
 */
export function FundPicker(props: {
  value: number | undefined;
  onChange: (id: number) => void;
  withHint?: boolean;
}) {
  const funds = useQuery({
    queryKey: ['options', 'fund'],
    queryFn: () => api('ledger.options', { entity: 'fund' }),
  });
  return (
    <Space size={6}>
      <Typography.Text type="secondary">基金</Typography.Text>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择基金"
        style={{ width: 320 }}
        value={props.value}
        loading={funds.isLoading}
        onChange={props.onChange}
        options={(funds.data ?? []).map((f) => ({
          value: f.id,
          label: props.withHint && f.hint ? `${f.name}（${f.hint}）` : f.name,
        }))}
        data-testid="fund-picker"
      />
    </Space>
  );
}
