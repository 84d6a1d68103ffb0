/**
 * What was loaded, with the subsets the overview counts (sub/direct funds; landed projects not cancelled),
 * so the message after loading and the overview say the same numbers.
 */
export type DemoLoaded = {
  funds: number;
  subFunds: number;
  directFunds: number;
  projects: number;
  projectsCancelled: number;
  deals: number;
};

/** “15 只基金（子基金 11 只、直投基金 4 只），落地项目 81 个（已落地 78 个、已取消 3 个），188 条融资对接”. */
export function describeDemoLoaded(r: DemoLoaded): string {
  const cancelled = r.projectsCancelled > 0 ? `、已取消 ${r.projectsCancelled} 个` : '';
  return `${r.funds} 只基金（子基金 ${r.subFunds} 只、直投基金 ${r.directFunds} 只），落地项目 ${r.projects} 个（已落地 ${r.projects - r.projectsCancelled} 个${cancelled}），${r.deals} 条融资对接`;
}
