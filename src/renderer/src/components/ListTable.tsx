import { Table, type TableProps } from 'antd';

/**
 * A whole list in one small table, without pages (rule sets, alert settings, evaluation templates, a fund's
 * evaluation history): `rows` as the query gave them (none yet: an empty table), `loading` while it runs.
 */
export function ListTable<T extends object>(
  props: Omit<TableProps<T>, 'size' | 'pagination' | 'dataSource'> & { rows: readonly T[] | undefined },
) {
  const { rows, ...rest } = props;
  return <Table<T> size="small" pagination={false} dataSource={rows ?? []} {...rest} />;
}
