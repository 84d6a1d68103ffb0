import {
  ENTERPRISE_COLUMNS,
  FINANCING_DEAL_COLUMNS,
  INVESTMENT_COLUMNS,
  LANDED_PROJECT_COLUMNS,
} from '@shared/columns/ledgers';
import { INDUSTRY, labelOf } from '@shared/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api';
import { UnitSwitch } from '../../components/UnitSwitch';
import { LedgerGrid } from '../../grid/LedgerGrid';
import { useGridLayout } from '../../grid/useGridLayout';
import { RecordHistory } from './AuditParts';
import {
  DetailState,
  DetailTitle,
  FieldList,
  KpiStrip,
  money,
  sumFen,
  useDetailId,
  useLedgerRows,
  without,
} from './DetailParts';
import { ReinvestTable, recognitions } from './ReinvestTable';

const INV_COLS = without(INVESTMENT_COLUMNS, 'enterprise_id', 280);
const LP_COLS = without(LANDED_PROJECT_COLUMNS, 'enterprise_id');
const DEAL_COLS = without(FINANCING_DEAL_COLUMNS, 'enterprise_id', 240).map((c) =>
  c.field === 'institution_id' ? { ...c, pinned: 'left' as const } : c,
);

/** 企业详情: the enterprise and everything linked to it — investments, landed projects, financing, 返投. */
export function EnterpriseDetailPage() {
  const id = useDetailId();
  const layout = useGridLayout('enterprise-detail', 'wan');
  const unit = layout.unit;
  const where = useMemo(() => ({ enterprise_id: id ?? 0 }), [id]);
  const q = useQuery({
    queryKey: ['ledger', 'enterprise', 'one', id],
    queryFn: () => api('ledger.get', { entity: 'enterprise', id: id! }),
    enabled: id != null,
  });
  const invs = useLedgerRows('investment', where);
  const projects = useLedgerRows('landed_project', where);
  const deals = useLedgerRows('financing_deal', where);
  const e = q.data;

  if (id == null) return <DetailState loading={false} error={new Error('缺少企业编号')} what="企业" />;
  if (!e) return <DetailState loading={q.isLoading} error={q.error} what="企业" />;

  const inv = invs.data ?? [];
  const lp = projects.data ?? [];
  const dl = deals.data ?? [];
  const recs = recognitions(inv, lp);
  const funds = new Set(inv.map((r) => r.fund_id));
  const closed = dl.filter((d) => d.stage === 'closed');
  const count = (n: number | undefined) => (n == null ? '' : `（${n}）`);
  const gridProps = { unit, where, defaults: where, height: 'max(320px, calc(100vh - 350px))' as const };

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
          {
            key: 'investments',
            label: `获得投资${count(invs.data?.length)}`,
            children: (
              <LedgerGrid
                gridId="enterprise-detail-investments"
                entity="investment"
                noun="投资"
                unitWord="笔"
                columns={INV_COLS}
                {...gridProps}
              />
            ),
          },
          {
            key: 'projects',
            label: `落地项目${count(projects.data?.length)}`,
            children: (
              <LedgerGrid
                gridId="enterprise-detail-landed-projects"
                entity="landed_project"
                noun="落地项目"
                unitWord="个"
                columns={LP_COLS}
                {...gridProps}
              />
            ),
          },
          {
            key: 'deals',
            label: `融资对接${count(deals.data?.length)}`,
            children: (
              <LedgerGrid
                gridId="enterprise-detail-financing-deals"
                entity="financing_deal"
                noun="融资对接"
                unitWord="条"
                columns={DEAL_COLS}
                {...gridProps}
              />
            ),
          },
          {
            key: 'reinvest',
            label: `返投认定${count(recs.length)}`,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  该企业获得的返投认定（来自投资与落地项目），同一基金对同一企业只认定一次。
                </Typography.Text>
                <ReinvestTable rows={recs} unit={unit} show="fund" />
              </Space>
            ),
          },
          {
            key: 'info',
            label: '基本信息',
            children: (
              <Card size="small">
                <FieldList row={e} specs={ENTERPRISE_COLUMNS} unit={unit} skip={['name']} />
              </Card>
            ),
          },
          { key: 'history', label: '修改记录', children: <RecordHistory entity="enterprise" id={id} /> },
        ]}
      />
    </div>
  );
}
