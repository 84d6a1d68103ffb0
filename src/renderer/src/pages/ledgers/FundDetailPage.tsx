import { FileTextOutlined } from '@ant-design/icons';
import {
  CASH_FLOW_COLUMNS,
  FUND_COLUMNS,
  INVESTMENT_COLUMNS,
  LANDED_PROJECT_COLUMNS,
  VALUATION_COLUMNS,
} from '@shared/columns/ledgers';
import { RULE_BASE } from '@shared/compliance/rule-set';
import { todayIso } from '@shared/dates';
import { FUND_KIND, FUND_STATUS, labelOf } from '@shared/domain';
import { fundMetrics, leverage, paidInProgress } from '@shared/metrics/fund';
import { useQuery } from '@tanstack/react-query';
import { Button, Tabs, Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api';
import { UnitSwitch } from '../../components/UnitSwitch';
import { navigate } from '../../lib/router';
import { FundReinvestPanel } from '../compliance/FundReinvestPanel';
import {
  DetailState,
  DetailTitle,
  KpiStrip,
  money,
  pct,
  sumFen,
  times,
  useLedgerRows,
  without,
} from './DetailParts';
import { ledgerTab, recordTabs, useDetailRecord } from './DetailTabs';

const CF_COLS = without(CASH_FLOW_COLUMNS, 'fund_id', 130);
const VAL_COLS = without(VALUATION_COLUMNS, 'fund_id', 130);
const INV_COLS = without(INVESTMENT_COLUMNS, 'fund_id', 260).map((c) =>
  c.field === 'enterprise_id' ? { ...c, pinned: 'left' as const } : c,
);
const LP_COLS = without(LANDED_PROJECT_COLUMNS, 'fund_id');

/** 基金详情: the fund's terms and figures, and everything linked to it, each with its own totals. */
export function FundDetailPage() {
  const d = useDetailRecord('fund', 'yi');
  const { id, unit, where, layout } = d;
  const fundQ = d.record;
  const flows = useLedgerRows('cash_flow', where);
  const vals = useLedgerRows('valuation', where);
  const invs = useLedgerRows('investment', where);
  const projects = useLedgerRows('landed_project', where);
  const reinvest = useQuery({
    queryKey: ['compliance', 'reinvestment', id, todayIso()],
    queryFn: () => api('compliance.reinvestment', { fundId: id!, asOf: todayIso() }),
    enabled: id != null,
  });

  const f = fundQ.data;
  const figures = useMemo(() => {
    if (!f) return null;
    const cf = flows.data ?? [];
    const m = fundMetrics(
      {
        calls: cf
          .filter((r) => r.type === 'call')
          .map((r) => ({ date: String(r.date), amountFen: r.amount_fen as number })),
        distributions: cf
          .filter((r) => r.type === 'distribution')
          .map((r) => ({ date: String(r.date), amountFen: r.amount_fen as number })),
        valuations: (vals.data ?? []).map((r) => ({
          date: String(r.as_of_date),
          navFen: r.nav_fen as number,
        })),
      },
      todayIso(),
    );
    const commitment = f.guidance_commitment_fen as number;
    const r = reinvest.data?.[0];
    return {
      m,
      commitment,
      recognised: r?.recognisedFen ?? 0,
      requirement: r?.requiredFen ?? null,
      reinvest: r,
      invested: sumFen(invs.data ?? [], 'amount_fen'),
    };
  }, [f, flows.data, vals.data, invs.data, reinvest.data]);

  if (id == null) return <DetailState loading={false} error={new Error('缺少基金编号')} what="基金" />;
  if (!f || !figures) return <DetailState loading={fundQ.isLoading} error={fundQ.error} what="基金" />;

  const kind = String(f.kind);
  const { m } = figures;
  const back =
    kind === 'sub' ? { label: '子基金', path: '/sub-funds' } : { label: '直投基金', path: '/direct-funds' };
  const count = (n: number | undefined) => (n == null ? '' : `（${n}）`);

  return (
    <div className="fd-detail" data-testid="fund-detail">
      <DetailTitle
        back={back}
        title={String(f.name)}
        tags={
          <>
            <Tag color={kind === 'sub' ? 'blue' : 'purple'}>{labelOf(FUND_KIND, kind)}</Tag>
            <Tag>{labelOf(FUND_STATUS, String(f.status))}</Tag>
          </>
        }
        extra={
          <>
            <Button icon={<FileTextOutlined />} onClick={() => navigate('/reports/fund', { id })}>
              单只基金报告
            </Button>
            <UnitSwitch value={unit} onChange={(u) => layout.save({ unit: u })} />
          </>
        }
      />
      <KpiStrip
        items={[
          { label: '认缴规模', value: money(f.total_size_fen as number, unit), testid: 'kpi-size' },
          {
            label: '引导基金认缴',
            value: money(figures.commitment, unit),
            note: `放大倍数 ${times(leverage(f.total_size_fen as number, figures.commitment))}`,
          },
          {
            label: '引导基金实缴',
            value: money(m.paidInFen, unit),
            note: `出资进度 ${pct(paidInProgress(m.paidInFen, figures.commitment))}`,
            testid: 'kpi-paid-in',
          },
          { label: '累计分配', value: money(m.distributedFen, unit), note: `DPI ${times(m.dpi)}` },
          {
            label: '调整后净值',
            value: money(m.navFen, unit),
            note: m.navDate
              ? `估值基准日 ${m.navDate}，TVPI ${times(m.tvpi)}`
              : '尚无估值，按0计（不作调整）',
            testid: 'kpi-nav',
          },
          {
            label: '净IRR',
            value: m.irr == null ? '—' : pct(m.irr, 2),
            note: m.irr == null ? (m.irrNote ?? undefined) : `截至 ${m.asOf}`,
          },
          {
            label: '返投要求',
            value: money(figures.requirement, unit),
            note: figures.reinvest
              ? `${figures.reinvest.multiple ?? '—'}倍 × ${RULE_BASE.label[figures.reinvest.base]}（${figures.reinvest.ruleSet.name}）`
              : '未约定返投倍数',
          },
          {
            label: '已认定返投',
            value: money(figures.recognised, unit),
            note: `完成率 ${figures.requirement ? pct(figures.recognised / figures.requirement) : '—'}${
              figures.reinvest?.deadline ? `，截止 ${figures.reinvest.deadline}` : ''
            }`,
            testid: 'kpi-reinvest',
          },
        ]}
      />
      <Tabs
        className="fd-detail-tabs"
        items={[
          ledgerTab(d, 'flows', '现金流', 'cash_flow', CF_COLS, flows.data?.length),
          ledgerTab(d, 'nav', '净值历史', 'valuation', VAL_COLS, vals.data?.length),
          ledgerTab(d, 'investments', '投资', 'investment', INV_COLS, invs.data?.length),
          {
            key: 'reinvest',
            label: `返投认定${count(figures.reinvest?.items.length)}`,
            children: <FundReinvestPanel fundId={id} asOf={todayIso()} unit={unit} />,
          },
          ledgerTab(d, 'projects', '引荐落地项目', 'landed_project', LP_COLS, projects.data?.length),
          ...recordTabs(d, f, FUND_COLUMNS),
        ]}
      />
    </div>
  );
}
