import { type ReactNode, useEffect, useRef, useState } from 'react';
import { onPageShown } from './lib/pageShown';

/** The longest a page that never says it is shown (pages without a grid) keeps the previous one. */
const KEEP_AT_MOST_MS = 1_500;

/**
 * The page of the route, and, for a moment after a menu click, the page it replaces: hidden, and taken down
 * once the new page's first content is drawn (pageShown(), a ledger's first rows) in idle time. A trace of a
 * click from 总览 to 投资 showed React taking 总览 down (its report grids and charts: ~110 ms at 1x, before
 * anything of the new page) in front of the new page's first rows; now it comes after them.
 */
export function PageStack(props: { path: string; children: (path: string) => ReactNode }) {
  const { path } = props;
  const [shown, setShown] = useState<{ now: string; before: string | null }>({ now: path, before: null });
  if (shown.now !== path) setShown({ now: path, before: shown.now });
  const before = shown.now === path ? shown.before : null;
  // The hidden page is given the very element it had last: React then leaves it alone (a new element made
  // 总览 draw itself again, hidden, in the click's own task: twice the cost of taking it down).
  const drawn = useRef(new Map<string, ReactNode>());
  const page = props.children(path);
  const kept = before === null ? null : drawn.current.get(before);
  drawn.current = new Map([[path, page]]);
  if (before !== null) drawn.current.set(before, kept);

  useEffect(() => {
    if (before === null) return;
    let idle = 0;
    let frame = 0;
    const drop = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // After the frame that shows the new page, when nothing more urgent is waiting.
        idle = requestIdleCallback(
          () => setShown((s) => (s.before === before ? { ...s, before: null } : s)),
          {
            timeout: 500,
          },
        );
      });
    };
    const stop = onPageShown(drop);
    const timer = setTimeout(drop, KEEP_AT_MOST_MS);
    return () => {
      stop();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      cancelIdleCallback(idle);
    };
  }, [before]);

  return (
    <>
      <div key={path} className="fd-page-box">
        {page}
      </div>
      {before !== null ? (
        <div key={before} className="fd-page-box" style={{ display: 'none' }} aria-hidden="true">
          {kept}
        </div>
      ) : null}
    </>
  );
}
