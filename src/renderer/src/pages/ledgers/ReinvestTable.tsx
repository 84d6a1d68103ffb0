import type { LedgerRow } from '@shared/contract/ledger';
import { labelOf, REINVEST_CATEGORY } from '@shared/domain';
import { formatMoney, UNIT_LABEL, type Unit } from '@shared/money';
import { Table, Typography } from 'antd';
import { openDetail } from '../../grid/LinkCell';

interface Recognition {
  key: string;
  source: '投资' | '落地项目';
  id: number;
  date: string;
  fundId: number | null;
  fundName: string;
  enterpriseId: number;
  enterpriseName: string;
  category: string;
  amountFen: number;
  recognisedFen: number;
}

/** A recognition of one investment or landed project (`date` is its investment or landing date). */
function recognition(r: LedgerRow, source: Recognition['source'], date: unknown): Recognition {
  return {
    key: `${source === '投资' ? 'i' : 'p'}${r.id}`,
    source,
    id: r.id,
    date: String(date ?? ''),
    fundId: (r.fund_id as number | null) ?? null,
    fundName: String(r.fund_name ?? ''),
    enterpriseId: r.enterprise_id as number,
    enterpriseName: String(r.enterprise_name ?? ''),
    category: String(r.reinvest_category),
    amountFen: (r.amount_fen as number) ?? 0,
    recognisedFen: (r.reinvest_recognised_fen as number) ?? 0,
  };
}

/** Every 返投 recognition among the investments and landed projects given, with its own total. */
export function recognitions(investments: LedgerRow[], projects: LedgerRow[]): Recognition[] {
  const recognised = (r: LedgerRow) => r.reinvest_category != null;
  return [
    ...investments.filter(recognised).map((r) => recognition(r, '投资', r.date)),
    ...projects.filter(recognised).map((r) => recognition(r, '落地项目', r.landed_date)),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export function ReinvestTable(props: { rows: Recognition[]; unit: Unit; show: 'fund' | 'enterprise' }) {
  const u = UNIT_LABEL[props.unit];
  const total = props.rows.reduce((s, r) => s + r.recognisedFen, 0);
  const base = props.rows.reduce((s, r) => s + r.amountFen, 0);
  const moneyColumn = (title: string, dataIndex: 'amountFen' | 'recognisedFen') => ({
    title: `${title}（${u}）`,
    dataIndex,
    width: 160,
    align: 'right' as const,
    render: (v: number) => formatMoney(v, props.unit),
  });
  return (
    <Table
      size="small"
      bordered
      rowKey="key"
      dataSource={props.rows}
      pagination={false}
      scroll={{ y: 440 }}
      data-testid="reinvest-table"
      locale={{ emptyText: '暂无返投认定' }}
      columns={[
        { title: '来源', dataIndex: 'source', width: 90 },
        props.show === 'enterprise'
          ? {
              title: '企业',
              dataIndex: 'enterpriseName',
              render: (v: string, r: Recognition) => (
                <Typography.Link onClick={() => openDetail('enterprise', r.enterpriseId)}>
                  {v}
                </Typography.Link>
              ),
            }
          : {
              title: '基金',
              dataIndex: 'fundName',
              render: (v: string, r: Recognition) =>
                r.fundId ? (
                  <Typography.Link onClick={() => openDetail('fund', r.fundId!)}>{v}</Typography.Link>
                ) : (
                  '—'
                ),
            },
        { title: '日期', dataIndex: 'date', width: 110 },
        {
          title: '认定类别',
          dataIndex: 'category',
          width: 140,
          render: (c: string) => labelOf(REINVEST_CATEGORY, c),
        },
        moneyColumn('投资/落户金额', 'amountFen'),
        moneyColumn('返投认定金额', 'recognisedFen'),
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="fd-total-row">
            <Table.Summary.Cell index={0} colSpan={4}>
              合计（{props.rows.length} 项）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {formatMoney(base, props.unit)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <span data-testid="reinvest-total">{formatMoney(total, props.unit)}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
