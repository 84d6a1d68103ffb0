import { Alert } from 'antd';
import type { ReactNode } from 'react';

/**
 * A notice above a page or inside a step (read-only database, damage found, missing columns, units): one
 * look for all, the gap below it being the only thing a place chooses.
 */
export function Notice(props: {
  type: 'error' | 'warning' | 'info';
  testId?: string | undefined;
  title: ReactNode;
  description?: ReactNode;
  gap?: number;
}) {
  return (
    <Alert
      type={props.type}
      showIcon
      style={{ marginBottom: props.gap ?? 8 }}
      data-testid={props.testId}
      title={props.title}
      description={props.description}
    />
  );
}
