import {
  ENTERPRISE_COLUMNS,
  FINANCING_DEAL_COLUMNS,
  INVESTMENT_COLUMNS,
  LANDED_PROJECT_COLUMNS,
} from '@shared/columns/ledgers';
import { INDUSTRY, labelOf } from '@shared/domain';
import { Tabs, Tag, Typography } from 'antd';
import { UnitSwitch } from '../../components/UnitSwitch';
import { DetailState, DetailTitle, KpiStrip, money, sumFen, useLedgerRows, without } from './DetailParts';
import { ledgerTab, recordTabs, reinvestTab, useDetailRecord } from './DetailTabs';
import { ReinvestTable, recognitions } from './ReinvestTable';

const INV_COLS = without(INVESTMENT_COLUMNS, 'enterprise_id', 280);
const LP_COLS = without(LANDED_PROJECT_COLUMNS, 'enterprise_id');
const DEAL_COLS = without(FINANCING_DEAL_COLUMNS, 'enterprise_id', 240).map((c) =>
  c.field === 'institution_id' ? { ...c, pinned: 'left' as const } : c,
);

/** 企业详情: the enterprise and everything linked to it — investments, landed projects, financing, 返投. */
export function EnterpriseDetailPage() {
  const d = useDetailRecord('enterprise', 'wan');
  const { id, unit, where, layout } = d;
  const invs = useLedgerRows('investment', where);
  const projects = useLedgerRows('landed_project', where);
  const deals = useLedgerRows('financing_deal', where);
  const e = d.record.data;

  if (id == null) return <DetailState loading={false} error={new Error('缺少企业编号')} what="企业" />;
  if (!e) return <DetailState loading={d.record.isLoading} error={d.record.error} what="企业" />;

  const inv = invs.data ?? [];
  const lp = projects.data ?? [];
  const dl = deals.data ?? [];
  const recs = recognitions(inv, lp);
  const funds = new Set(inv.map((r) => r.fund_id));
  const closed = dl.filter((r) => r.stage === 'closed');

  return (
    <div className="fd-detail" data-testid="enterprise-detail">
      <DetailTitle
        back={{ label: '企业', path: '/enterprises' }}
        title={String(e.name)}
        tags={
          <>
            <Tag color="geekblue">{labelOf(INDUSTRY, String(e.industry))}</Tag>
            {e.in_district ? <Tag color="green">区内企业</Tag> : <Tag>区外企业</Tag>}
            {e.uscc ? <Typography.Text type="secondary">{String(e.uscc)}</Typography.Text> : null}
          </>
        }
        extra={<UnitSwitch value={unit} onChange={(u) => layout.save({ unit: u })} />}
      />
      <KpiStrip
        items={[
          {
            label: '获得基金投资',
            value: money(sumFen(inv, 'amount_fen'), unit),
            note: `${inv.length} 笔，来自 ${funds.size} 只基金`,
            testid: 'kpi-invested',
          },
          {
            label: '落户金额',
            value: money(sumFen(lp, 'amount_fen'), unit),
            note: `${lp.length} 个落地项目`,
          },
          {
            label: '已认定返投',
            value: money(
              recs.reduce((s, r) => s + r.recognisedFen, 0),
              unit,
            ),
            note: `${recs.length} 项认定`,
          },
          {
            label: '融资对接',
            value: `${dl.length} 条`,
            note: `已完成 ${closed.length} 条`,
          },
          {
            label: '完成融资金额',
            value: money(sumFen(closed, 'amount_closed_fen'), unit),
            note: `拟融资 ${money(sumFen(dl, 'amount_sought_fen'), unit)}`,
          },
        ]}
      />
      <Tabs
        className="fd-detail-tabs"
        items={[
          ledgerTab(d, 'investments', '获得投资', 'investment', INV_COLS, invs.data?.length),
          ledgerTab(d, 'projects', '落地项目', 'landed_project', LP_COLS, projects.data?.length),
          ledgerTab(d, 'deals', '融资对接', 'financing_deal', DEAL_COLS, deals.data?.length),
          reinvestTab(
            recs.length,
            '该企业获得的返投认定（来自投资与落地项目），同一基金对同一企业只认定一次。',
            <ReinvestTable rows={recs} unit={unit} show="fund" />,
          ),
          ...recordTabs(d, e, ENTERPRISE_COLUMNS),
        ]}
      />
    </div>
  );
}
