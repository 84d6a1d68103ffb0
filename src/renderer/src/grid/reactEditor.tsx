// A cell editor written in React (FieldCellEditor, the link picker) as the editor class AG Grid asks for.
// Own code because the grid is AG Grid's own (AgGrid.tsx says why), not ag-grid-react's, whose wrapper did
// this: the component renders into the editor's box through a portal of the grid's component (so the app's
// providers reach it), rendered at once (flushSync: keys typed right after the one that started the edit land in
// it, as before), the grid waits until it has rendered, and it reads the value the component last gave.
import { AgPromise, type ICellEditorComp, type ICellEditorParams } from 'ag-grid-community';
import {
  type ComponentType,
  createContext,
  createElement,
  type ReactPortal,
  useContext,
  useLayoutEffect,
  useState,
} from 'react';
import { createPortal, flushSync } from 'react-dom';

/** What a React cell editor is given: AG Grid's parameters, the value as the editor last set it, and a setter. */
export type CellEditorProps<TData = unknown, TValue = unknown> = ICellEditorParams<TData, TValue> & {
  value: TValue | null | undefined;
  initialValue: TValue | null | undefined;
  onValueChange: (value: TValue | null | undefined) => void;
};

/** The grid component's portals (AgGrid.tsx), found by editors in the grid's context under this key. */
export const EDITOR_PORTALS = 'fdEditorPortals';
export interface PortalHost {
  add: (portal: ReactPortal) => void;
  remove: (portal: ReactPortal) => void;
}

interface Callbacks {
  getValidationErrors?: () => string[] | null;
}
const CallbacksContext = createContext<{ current: Callbacks } | null>(null);

/** An editor's answers to the grid (its validation), as ag-grid-react's useGridCellEditor took them. */
export function useCellEditorCallbacks(callbacks: Callbacks) {
  const box = useContext(CallbacksContext);
  if (box) box.current = callbacks;
}

interface ShellProps {
  editor: ComponentType<CellEditorProps>;
  params: ICellEditorParams;
  callbacks: { current: Callbacks };
  onValue: (v: unknown) => void;
  onShown: () => void;
}

function Shell({ editor, params, callbacks, onValue, onShown }: ShellProps) {
  const [value, setValue] = useState<unknown>(params.value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: told once, when first rendered
  useLayoutEffect(onShown, []);
  return createElement(
    CallbacksContext.Provider,
    { value: callbacks },
    createElement(editor, {
      ...params,
      value,
      initialValue: params.value,
      onValueChange: (v: unknown) => {
        onValue(v);
        setValue(v);
      },
    }),
  );
}

let editors = 0;

/** The AG Grid editor class of a React editor component. */
export function reactCellEditor<P extends object>(
  editor: ComponentType<CellEditorProps & P>,
): new () => ICellEditorComp {
  return class ReactCellEditor implements ICellEditorComp {
    private readonly key = String(++editors);
    private readonly box = document.createElement('div');
    private readonly callbacks: { current: Callbacks } = { current: {} };
    private value: unknown;
    /** Takes the editor's portal out of the grid's component (set once it is in). */
    private unmount: (() => void) | null = null;

    init(params: ICellEditorParams & P): AgPromise<void> {
      this.value = params.value;
      this.box.className = 'fd-editor-box';
      const host = (params.context as Record<string, PortalHost> | undefined)?.[EDITOR_PORTALS];
      return new AgPromise<void>((shown) => {
        const portal = createPortal(
          createElement(Shell, {
            editor: editor as ComponentType<CellEditorProps>,
            params,
            callbacks: this.callbacks,
            onValue: (v) => {
              this.value = v;
            },
            onShown: () => shown(),
          }),
          this.box,
          this.key,
        );
        if (!host) return shown();
        flushSync(() => host.add(portal));
        this.unmount = () => host.remove(portal);
      });
    }

    /** In the cell now: its field takes the focus (its autoFocus ran while the box was not yet in the page). */
    afterGuiAttached() {
      if (this.box.contains(document.activeElement)) return;
      this.box.querySelector<HTMLElement>('input, textarea, [tabindex]:not([tabindex="-1"])')?.focus();
    }

    getGui() {
      return this.box;
    }

    getValue() {
      return this.value;
    }

    getValidationErrors() {
      return this.callbacks.current.getValidationErrors?.() ?? null;
    }

    destroy() {
      this.unmount?.();
      this.unmount = null;
    }
  };
}
