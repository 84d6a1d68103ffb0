import { useCallback, useRef, useState } from 'react';

/** An undo step: what to call to put things back, and how to say it. */
export interface UndoStep {
  label: string;
  undo: () => Promise<void>;
}

/** The last edits of one grid, undone newest first (Ctrl+Z). */
export function useUndo(limit = 50) {
  const stack = useRef<UndoStep[]>([]);
  const [size, setSize] = useState(0);
  const push = useCallback(
    (s: UndoStep) => {
      stack.current.push(s);
      if (stack.current.length > limit) stack.current.shift();
      setSize(stack.current.length);
    },
    [limit],
  );
  const pop = useCallback(async (): Promise<UndoStep | null> => {
    const s = stack.current.pop() ?? null;
    setSize(stack.current.length);
    if (s) await s.undo();
    return s;
  }, []);
  const peek = () => stack.current.at(-1) ?? null;
  return { push, pop, peek, size };
}
