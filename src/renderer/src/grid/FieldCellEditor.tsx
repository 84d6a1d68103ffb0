import { type CellResult, formatCell, parseCell } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import type { Unit } from '@shared/money';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useGridCellEditor } from 'ag-grid-react';
import { useRef, useState } from 'react';

export interface FieldEditorParams {
  spec: ColumnSpec;
  unit: Unit;
  parse: (text: string) => CellResult;
}

/**
 * In-cell entry for text, money, dates and numbers: the value is checked as it is typed and the Chinese
 * message shows right under the cell; a bad value cannot be committed (Esc restores the old one).
 */
export function FieldCellEditor(props: CustomCellEditorProps & FieldEditorParams) {
  const { spec, unit } = props;
  const initial = () => {
    const key = props.eventKey;
    if (key && key.length === 1) return key;
    if (key === 'Backspace' || key === 'Delete') return '';
    if (spec.kind === 'money') return formatCell(spec, props.value, unit).replace(/,/g, '');
    return formatCell(spec, props.value, unit);
  };
  const [text, setText] = useState(initial);
  const result = useRef<CellResult>(props.parse(text));
  const [error, setError] = useState<string | null>(null);

  useGridCellEditor({
    getValidationErrors: () => {
      const r = result.current;
      if (!r.ok) {
        setError(r.error);
        return [r.error];
      }
      return null;
    },
  });

  return (
    <div className="fd-cell-editor">
      <input
        autoFocus
        className="ag-input-field-input ag-text-field-input fd-cell-input"
        value={text}
        onFocus={(e) => {
          if (!(props.eventKey && props.eventKey.length === 1)) e.currentTarget.select();
        }}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const r = props.parse(t);
          result.current = r;
          setError(r.ok ? null : r.error);
          if (r.ok) props.onValueChange(r.value);
        }}
      />
      {error ? (
        <div className="fd-cell-editor-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function fieldEditorParams(spec: ColumnSpec, unit: Unit, resolve: Parameters<typeof parseCell>[3]) {
  return { spec, unit, parse: (t: string) => parseCell(spec, t, unit, resolve) } satisfies FieldEditorParams;
}
