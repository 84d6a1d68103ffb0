import type { ImportProgress } from '@shared/contract/data';
import { Progress, Typography } from 'antd';
import type { Busy } from './importState';

/** The progress of a long preview or import, as the import page shows it. */
export function ProgressLine(props: { busy: Busy; progress: ImportProgress | null }) {
  const { busy, progress } = props;
  const total = progress?.total ?? 0;
  return (
    <>
      <Typography.Text>
        {busy === 'commit' ? '正在导入（全部成功才会写入）' : '正在读取和检查文件'}
        {progress?.message ? `：${progress.message}` : '…'}
      </Typography.Text>
      <Progress
        percent={total > 0 ? Math.round(((progress?.done ?? 0) / total) * 100) : 0}
        status="active"
        format={() =>
          total > 0 ? `${(progress?.done ?? 0).toLocaleString()} / ${total.toLocaleString()}` : ''
        }
      />
    </>
  );
}
