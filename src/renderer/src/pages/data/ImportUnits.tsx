import type { ImportPreview } from '@shared/contract/data';
import { UNIT_LABEL } from '@shared/money';
import { Space, Tag, Typography } from 'antd';
import { Notice } from '../../components/Notice';

const SHOWN = 10;

/**
 * The unit each money column is read in, and — prominently — 「未注明金额单位」 and amounts that look wrong
 * for that unit (a sheet kept in 万元 read as 元 would go in 10,000 times too small).
 */
export function ImportUnitNotice(props: { preview: ImportPreview }) {
  const { units, unitWarning, implausible } = props.preview;
  if (units.length === 0) return null;
  return (
    <div className="fd-import-units" data-testid="unit-notice">
      {unitWarning ? (
        <Notice
          type="warning"
          testId="unit-warning"
          title={unitWarning.replace('（命令行 --unit 万元）', '（在上方“列对应”中为金额列选择单位）')}
        />
      ) : null}
      {implausible.length > 0 ? (
        <Notice
          type="warning"
          testId="implausible-amounts"
          title={`有 ${implausible.length} 行金额按当前单位看不合常理，请核对金额单位`}
          description={
            <ul className="fd-import-issues">
              {implausible.slice(0, SHOWN).map((w) => (
                <li key={`${w.row}-${w.message}`}>
                  第 {w.row} 行：{w.message}
                </li>
              ))}
              {implausible.length > SHOWN ? <li>…… 共 {implausible.length} 行</li> : null}
            </ul>
          }
        />
      ) : null}
      <Space wrap size={6} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">金额单位：</Typography.Text>
        {units.map((u) => (
          <Tag key={u.header} color={u.stated ? 'default' : 'orange'} title={u.reason}>
            {u.header}：{UNIT_LABEL[u.unit]}（{u.reason}）
          </Tag>
        ))}
      </Space>
    </div>
  );
}
