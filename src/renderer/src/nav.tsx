import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FundOutlined,
  ImportOutlined,
  ProjectOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AlertsNavIcon } from './pages/compliance/AlertsNavIcon';

export interface NavItem {
  path: string;
  label: string;
  icon?: ReactNode;
}
export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** Every section of the app, in the order of the left navigation. */
export const NAV: NavGroup[] = [
  { label: '首页', items: [{ path: '/', label: '引导基金总览', icon: <DashboardOutlined /> }] },
  { label: '合规', items: [{ path: '/alerts', label: '提醒', icon: <AlertsNavIcon /> }] },
  {
    label: '台账',
    items: [
      { path: '/sub-funds', label: '子基金', icon: <FundOutlined /> },
      { path: '/direct-funds', label: '直投基金', icon: <FundOutlined /> },
      { path: '/managers', label: '基金管理人', icon: <TeamOutlined /> },
      { path: '/cash-flows', label: '现金流', icon: <SwapOutlined /> },
      { path: '/valuations', label: '估值', icon: <BarChartOutlined /> },
      { path: '/investments', label: '投资', icon: <AppstoreOutlined /> },
      { path: '/enterprises', label: '企业', icon: <BankOutlined /> },
      { path: '/landed-projects', label: '落地项目', icon: <ProjectOutlined /> },
      { path: '/institutions', label: '投资机构', icon: <BankOutlined /> },
      { path: '/financing-deals', label: '融资对接', icon: <SwapOutlined /> },
    ],
  },
  {
    label: '报表',
    items: [
      { path: '/reports/sub-funds', label: '子基金台账', icon: <FileTextOutlined /> },
      { path: '/reports/direct-funds', label: '直投基金台账', icon: <FileTextOutlined /> },
      { path: '/reports/reinvestment', label: '返投台账', icon: <FileTextOutlined /> },
      { path: '/reports/landed-projects', label: '落地项目台账', icon: <FileTextOutlined /> },
      { path: '/reports/financing', label: '融资对接台账', icon: <FileTextOutlined /> },
      { path: '/reports/performance', label: '基金业绩', icon: <FileTextOutlined /> },
      { path: '/reports/fund', label: '单只基金报告', icon: <FileTextOutlined /> },
      { path: '/reports/annual-pack', label: '年度报送', icon: <FileTextOutlined /> },
    ],
  },
  {
    label: '绩效评价',
    items: [
      { path: '/evaluation', label: '年度评价', icon: <FileTextOutlined /> },
      { path: '/evaluation/fund', label: '评分表', icon: <FileTextOutlined /> },
      { path: '/evaluation/templates', label: '评价模板', icon: <FileTextOutlined /> },
    ],
  },
  {
    label: '数据',
    items: [
      { path: '/import', label: '导入台账', icon: <ImportOutlined /> },
      { path: '/backup', label: '备份与恢复', icon: <CloudUploadOutlined /> },
      { path: '/audit', label: '审计日志', icon: <AuditOutlined /> },
      { path: '/settings', label: '设置', icon: <SettingOutlined /> },
      { path: '/about', label: '数据库信息', icon: <DatabaseOutlined /> },
    ],
  },
];

export const ALL_NAV_ITEMS = NAV.flatMap((g) => g.items);
