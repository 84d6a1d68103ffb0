/**
 * The overview's one-paragraph brief, in the style of the 2023-08-01 Shenzhen News report: “截至…，引导基金
 * 累计发起设立子基金11只，总规模49.63亿元……”. Written from the figures only; every clause says what the data
 * says, and is left out when there is nothing to say.
 */
import type { Overview } from '../../../shared/contract/app';
import type { FundMetrics } from '../../../shared/metrics/fund';
import { briefMoney, chineseDate, formatPercent } from '../../../shared/reports/format';
import type { ReportRow } from '../../../shared/reports/types';

export interface BriefInput {
  asOf: string;
  /** e.g. '坪山区'. */
  district: string | null;
  o: Overview;
  leverage: number | null;
  progress: number | null;
  topIndustry: ReportRow | null;
  reinvest: { required: number; recognised: number };
  total: FundMetrics;
}

/** '坪山区' → '坪山'; other names stay as they are. */
function place(district: string | null): string {
  if (!district) return '区内';
  return district.length > 2 && district.endsWith('区') ? district.slice(0, -1) : district;
}

export function writeBrief(b: BriefInput): string {
  const { o } = b;
  const parts: string[] = [];
  const where = place(b.district);

  if (o.subFunds.count > 0) {
    let s = `引导基金累计发起设立子基金${o.subFunds.count}只，总规模${briefMoney(o.subFunds.totalSizeFen)}`;
    if (o.subFunds.guidanceCommitmentFen > 0) {
      s += `，引导基金认缴出资${briefMoney(o.subFunds.guidanceCommitmentFen)}`;
      if (b.leverage !== null) s += `，放大${b.leverage.toFixed(2)}倍`;
      s += `，已实缴${briefMoney(o.subFunds.paidInFen)}`;
      if (b.progress !== null) s += `（出资进度${formatPercent(b.progress, 1)}）`;
    }
    parts.push(s);
  } else {
    parts.push('引导基金尚未发起设立子基金');
  }

  if (o.directFunds.count > 0) {
    let s = `直投累计发起基金${o.directFunds.count}只，管理规模${briefMoney(o.directFunds.totalSizeFen)}`;
    if (o.directFunds.collectiveAssetsFen > 0) {
      s += `，撬动集体资产参与股权投资${briefMoney(o.directFunds.collectiveAssetsFen)}`;
    }
    parts.push(s);
  }

  if (o.landedProjects.count > 0) {
    let s = `引进落地${where}项目${o.landedProjects.count}个，落地金额${briefMoney(o.landedProjects.amountFen)}`;
    const t = b.topIndustry;
    if (t && Number(t.landedCount) > 0) {
      s += `，其中${t.industry}领域${t.landedCount}个、${briefMoney(Number(t.landedAmount))}，居各产业之首`;
    }
    parts.push(s);
  }

  if (b.reinvest.required > 0) {
    parts.push(
      `各基金返投认定金额合计${briefMoney(b.reinvest.recognised)}，完成返投要求的${formatPercent(
        b.reinvest.recognised / b.reinvest.required,
        1,
      )}`,
    );
  }

  if (o.financing.enterprisesMatched > 0) {
    let s = `协助${o.financing.enterprisesMatched}家企业对接投资机构`;
    if (o.financing.enterprisesFinanced > 0) {
      s += `，其中${o.financing.enterprisesFinanced}家企业成功完成融资，融资金额${briefMoney(o.financing.amountClosedFen)}`;
    }
    parts.push(s);
  }

  let text = `截至${chineseDate(b.asOf)}，${parts.join('；')}。`;
  if (b.total.paidInFen > 0) {
    let s = `引导基金累计实缴出资${briefMoney(b.total.paidInFen)}，累计获得分配${briefMoney(b.total.distributedFen)}`;
    if (b.total.tvpi !== null) s += `，整体TVPI为${b.total.tvpi.toFixed(2)}`;
    if (b.total.irr !== null) s += `、净IRR为${formatPercent(b.total.irr)}`;
    text += `${s}。`;
  }
  return text;
}
