/**
 * Chinese descriptions of the database structure versions (migrations/), shown in 数据库信息 instead of the
 * raw migration id. Keyed by the migration's number, so a migration added later (0005…0009, named by
 * whoever writes it) still reads as Chinese until its own description is added here.
 */
const KNOWN: Record<string, string> = {
  '0001': '初始台账结构',
  '0002': '大台账汇总索引（加快核心指标统计）',
  '0003': '核心指标年度汇总（加快总览首页）',
  '0004': '总览报表汇总索引（加快引导基金总览）',
  '0005': '合规：返投认定规则、提醒与报送事项',
  '0006': '绩效评价：评价模板与年度评价',
  '0007': '返投认定类别“并购区内企业”；合规计算索引',
  '0008': '大台账分页：名称排序键与排序索引',
  '0009': '多人使用：操作人与行版本',
  '0010': '服务器数据库：批量导入时按语句汇总现金流',
  '0011': '大台账搜索：基金、企业、管理人名称索引',
  '0012': '大台账搜索：投资台账轮次、备注索引',
  '0013': '服务器数据库：大台账排序索引（空值在前）',
};

/** “第 4 版：总览报表汇总索引（加快引导基金总览）”; the raw id only when it has no number. */
export function describeMigration(id: string): string {
  const m = /^(\d{4})(?:_|$)/.exec(id);
  if (!m) return id;
  const n = Number(m[1]);
  return `第 ${n} 版：${KNOWN[m[1]!] ?? '结构更新'}`;
}
