import { UNIT_LABEL, UNITS, type Unit } from '@shared/money';
import { Segmented, Space, Typography } from 'antd';
import { useContext } from 'react';
import { PageHidden } from '../lib/onScreen';

/** The display unit of a view, always labelled. */
export function UnitSwitch(props: { value: Unit; onChange: (u: Unit) => void }) {
  const hidden = useContext(PageHidden);
  return (
    <Space size={6} data-testid={hidden ? undefined : 'unit-switch'}>
      <Typography.Text type="secondary">金额单位</Typography.Text>
      <Segmented<Unit>
        size="middle"
        value={props.value}
        onChange={props.onChange}
        options={UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] }))}
      />
    </Space>
  );
}
