import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** A notice inside a step of the import (missing columns, records to create, units): one look for all. */
export function ImportNotice(props: {
  type: 'error' | 'warning' | 'info';
  testId?: string;
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <Alert
      type={props.type}
      showIcon
      style={{ marginBottom: 8 }}
      data-testid={props.testId}
      title={props.title}
      description={props.description}
    />
  );
}
