import type { ExportedFile } from '@shared/reports/types';
import { InputNumber, Space, Tag, Typography } from 'antd';
import { saveFile } from '../../api';
import { fromBase64 } from '../reports/ExportButtons';

/** The last full year: what an office evaluates and files. */
export const LAST_YEAR = new Date().getFullYear() - 1;

export function YearPicker(props: { value: number; onChange: (y: number) => void; label?: string }) {
  return (
    <Space size={6}>
      <Typography.Text type="secondary">{props.label ?? '评价年度'}</Typography.Text>
      <InputNumber
        min={1990}
        max={2100}
        precision={0}
        value={props.value}
        onChange={(v) => v && v >= 1990 && v <= 2100 && props.onChange(v)}
        suffix="年"
        style={{ width: 110 }}
        data-testid="year"
      />
    </Space>
  );
}

const GRADE_COLOR: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'gold', 不合格: 'red' };

export function GradeTag(props: { grade: string }) {
  return <Tag color={GRADE_COLOR[props.grade] ?? 'default'}>{props.grade}</Tag>;
}

/** “子基金年度绩效评价（示例） 第2版”. */
export const templateLabel = (t: { name: string; version: number }) => `${t.name} 第${t.version}版`;

export const score2 = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export async function saveExported(file: ExportedFile) {
  return saveFile(file.fileName, fromBase64(file.base64), file.mime);
}
