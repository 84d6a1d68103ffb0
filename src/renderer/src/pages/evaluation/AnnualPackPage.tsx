import type { Unit } from '@shared/money';
import { Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { UnitSwitch } from '../../components/UnitSwitch';
import { ExportButtons } from '../reports/ExportButtons';
import { LAST_YEAR, YearPicker } from './common';

const SHEETS: [string, string][] = [
  ['总览', '引导基金总览的核心指标与情况简报'],
  ['子基金基本情况', '与子基金台账一致'],
  ['直投基金', '与直投基金台账一致'],
  ['出资明细', '本年出资与累计实缴、出资进度、未缴出资'],
  ['投资明细', '本年新增投资项目'],
  ['返投', '按各基金的返投规则：要求、认定、缺口、截止日、剩余天数'],
  ['退出与分配', '本年与累计分配、本年退出项目及回款'],
  ['业绩', '截至12月31日的DPI、RVPI、TVPI、净IRR'],
  ['绩效评价', '各基金本年度评价总分、等级与排名'],
  ['未处理提醒', '截至12月31日尚未处理的合规提醒'],
];

/** 年度报送: the year's filing pack in one workbook (or PDF), a sheet per section, as of 12-31. */
export function AnnualPackPage() {
  const [year, setYear] = useState(LAST_YEAR);
  const [unit, setUnit] = useState<Unit>('wan');
  return (
    <div className="fd-page" data-testid="annual-pack">
      <div className="fd-toolbar">
        <Space size={16} wrap>
          <YearPicker value={year} onChange={setYear} label="报送年度" />
          <UnitSwitch value={unit} onChange={setUnit} />
        </Space>
        <ExportButtons
          name="overview"
          asOf={`${year}-12-31`}
          unit={unit}
          label="生成年度报送材料"
          exporter={(format) => api('evaluation.export', { kind: 'annual-pack', year, unit, format })}
        />
      </div>
      <div className="fd-report-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {`${year}年度报送材料`}
        </Typography.Title>
        <Typography.Text type="secondary">{`各表均截至${year}年12月31日，金额单位按所选单位并在表头注明；A4横向打印，每页重复表头`}</Typography.Text>
      </div>
      <Card size="small" title="包含的工作表">
        <List
          size="small"
          dataSource={SHEETS}
          renderItem={([name, what], k) => (
            <List.Item>
              <Space>
                <Typography.Text type="secondary">{k + 1}.</Typography.Text>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary">{what}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
