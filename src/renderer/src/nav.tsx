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
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { REPORT_NAMES, REPORT_TITLES } from '@shared/reports/types';
import type { ReactNode } from 'react';

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
      // Every report but the overview (the home page), as shared/reports/types.ts lists them.
      ...REPORT_NAMES.filter((n) => n !== 'overview').map((n) => ({
        path: `/reports/${n}`,
        label: REPORT_TITLES[n],
        icon: <FileTextOutlined />,
      })),
    ],
  },
  {
    label: '数据',
    items: [
      { path: '/import', label: '导入台账', icon: <ImportOutlined /> },
      { path: '/backup', label: '备份与恢复', icon: <CloudUploadOutlined /> },
      { path: '/audit', label: '审计日志', icon: <AuditOutlined /> },
      { path: '/about', label: '数据库信息', icon: <DatabaseOutlined /> },
    ],
  },
];

export const ALL_NAV_ITEMS = NAV.flatMap((g) => g.items);
