import type { LinkOption } from '@shared/contract/ledger';
import { Select } from 'antd';
import type { CellEditorProps } from './reactEditor';

/** Pick a linked record (fund, enterprise …) by name, with search: never an id typed by hand. */
export function LinkSelect(props: CellEditorProps & { options: LinkOption[] }) {
  return (
    <Select
      autoFocus
      defaultOpen
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: Math.max(props.column.getActualWidth(), 260) }}
      value={(props.value as number | null) ?? undefined}
      allowClear={!props.colDef.cellEditorParams?.required}
      options={props.options.map((o) => ({ value: o.id, label: o.hint ? `${o.name}（${o.hint}）` : o.name }))}
      onChange={(v) => {
        props.onValueChange(v ?? null);
        setTimeout(() => props.stopEditing(), 0);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.stopEditing(true);
      }}
      placeholder="输入名称搜索"
    />
  );
}
