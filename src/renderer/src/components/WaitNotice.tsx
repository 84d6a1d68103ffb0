import { App } from 'antd';
import { useEffect } from 'react';
import { onSlowCalls } from '../api';

/**
 * While a call waits for a long task to finish (an edit while an import writes, a page while a restore swaps
 * the tables), a notice says so instead of the app seeming frozen; it goes once every call has answered.
 */
export function WaitNotice() {
  const { message } = App.useApp();
  useEffect(
    () =>
      onSlowCalls((n) => {
        if (n > 0) {
          void message.open({
            key: 'fd-wait',
            type: 'loading',
            content: '正在等待其他任务（如导入、导出或恢复）完成，请稍候…',
            duration: 0,
          });
        } else message.destroy('fd-wait');
      }),
    [message],
  );
  return null;
}
