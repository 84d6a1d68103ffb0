import { type CellResult, formatCell, parseCell } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import type { Unit } from '@shared/money';
import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type CellEditMemo, cellKey } from './cellEditMemo';
import { type CellEditorProps, useCellEditorCallbacks } from './reactEditor';
import type { Row } from './row';

export interface FieldEditorParams {
  spec: ColumnSpec;
  unit: Unit;
  parse: (text: string) => CellResult;
  memo?: CellEditMemo | undefined;
}

/**
 * In-cell entry for text, money, dates and numbers: the value is checked as it is typed and the Chinese
 * message shows right under the cell (drawn on the page, not inside the cell, whose overflow would clip
 * it), with the input marked; a bad value cannot be committed, Esc restores the old one. An edit the
 * database refused opens again with the text the user typed and the reason.
 */
export function FieldCellEditor(props: CellEditorProps<Row> & FieldEditorParams) {
  const { spec, unit, memo } = props;
  const key = props.data ? cellKey(props.data.id, spec.field) : '';
  const refused = memo?.refused.get(key);
  const initial = () => {
    if (refused) return refused.text;
    const k = props.eventKey;
    if (k && k.length === 1) return k;
    if (k === 'Backspace' || k === 'Delete') return '';
    if (spec.kind === 'money') return formatCell(spec, props.value, unit).replace(/,/g, '');
    return formatCell(spec, props.value, unit);
  };
  const [text, setText] = useState(initial);
  const result = useRef<CellResult>(props.parse(text));
  const [error, setError] = useState<string | null>(() => refused?.message ?? null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  useCellEditorCallbacks({
    getValidationErrors: () => {
      const r = result.current;
      if (!r.ok) {
        setError(r.error);
        return [r.error];
      }
      return null;
    },
  });

  // The message box sits under the input, in page coordinates.
  useLayoutEffect(() => {
    if (!error || !inputRef.current) return;
    const r = inputRef.current.getBoundingClientRect();
    setAt({ left: r.left, top: r.bottom + 2 });
  }, [error]);

  return (
    <div className="fd-cell-editor">
      <input
        ref={inputRef}
        autoFocus
        aria-invalid={error ? true : undefined}
        className={`ag-input-field-input ag-text-field-input fd-cell-input${error ? ' fd-cell-input-invalid' : ''}`}
        value={text}
        onFocus={(e) => {
          if (refused || !(props.eventKey && props.eventKey.length === 1)) e.currentTarget.select();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && props.data) memo?.onCancel(props.data.id as number, spec.field);
        }}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          memo?.typed.set(key, t);
          const r = props.parse(t);
          result.current = r;
          setError(r.ok ? null : r.error);
          if (r.ok) props.onValueChange(r.value);
        }}
      />
      {error && at
        ? createPortal(
            <div
              className="fd-cell-editor-error"
              role="alert"
              data-testid="cell-editor-error"
              style={{ left: at.left, top: at.top }}
            >
              {error}
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}

export function fieldEditorParams(
  spec: ColumnSpec,
  unit: Unit,
  resolve: Parameters<typeof parseCell>[3],
  memo?: CellEditMemo,
) {
  return {
    spec,
    unit,
    parse: (t: string) => parseCell(spec, t, unit, resolve),
    memo,
  } satisfies FieldEditorParams;
}
