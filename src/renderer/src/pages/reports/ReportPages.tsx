import { Empty } from 'antd';
import { FundPicker } from '../../components/FundPicker';
import { navigate, useRoute } from '../../lib/router';
import { ReportView } from './ReportView';

export const SubFundsReportPage = () => <ReportView name="sub-funds" defaultUnit="wan" />;
export const DirectFundsReportPage = () => <ReportView name="direct-funds" defaultUnit="wan" />;
export const ReinvestmentReportPage = () => <ReportView name="reinvestment" defaultUnit="wan" />;
export const LandedProjectsReportPage = () => <ReportView name="landed-projects" defaultUnit="wan" />;
export const FinancingReportPage = () => <ReportView name="financing" defaultUnit="wan" />;
export const PerformanceReportPage = () => <ReportView name="performance" defaultUnit="wan" />;

/** 单只基金报告: pick a fund (or come from a row of another report: #/reports/fund?id=3). */
export function FundReportPage() {
  const { params } = useRoute();
  const id = Number(params.get('id')) || undefined;
  const picker = <FundPicker value={id} onChange={(v) => navigate('/reports/fund', { id: v })} withHint />;
  return (
    <ReportView
      name="fund"
      defaultUnit="wan"
      fundId={id}
      before={picker}
      placeholder={
        <Empty
          style={{ marginTop: 48 }}
          description="请在上方选择一只基金，生成其季度报告（基本信息、出资与分配、估值、投资项目）"
        />
      }
    />
  );
}
