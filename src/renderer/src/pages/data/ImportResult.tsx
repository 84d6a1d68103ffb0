import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ImportCommitResult } from '@shared/contract/data';
import type { ApiError } from '@shared/contract/define';
import { Alert, App as AntApp, Button, Space } from 'antd';
import { saveFile } from '../../api';
import { navigate } from '../../lib/router';
import { fromBase64, type LedgerChoice } from './files';

/** ④ 结果: how many rows went in, how many were refused (仅导入有效行) and their file with 错误原因. */
export function ImportResultAlert(props: { result: ImportCommitResult; choice: LedgerChoice }) {
  const { result, choice } = props;
  const { message } = AntApp.useApp();
  const rejected = result.rejectedRows ?? 0;
  const download = async () => {
    const f = result.rejects;
    if (!f) return;
    const saved = await saveFile(f.fileName, fromBase64(f.data), f.mime);
    if (saved) message.success(`已下载 ${f.fileName}`);
  };
  return (
    <Alert
      className="fd-import-card"
      type={rejected > 0 ? 'warning' : 'success'}
      showIcon
      icon={<CheckCircleOutlined />}
      data-testid="import-result"
      title={`已导入 ${result.created.toLocaleString('zh-CN')} 条${choice.label}${result.createdLinked ? `，并新增 ${result.createdLinked} 条关联记录` : ''}${rejected > 0 ? `；未导入 ${rejected.toLocaleString('zh-CN')} 行` : ''}`}
      description={
        <Space orientation="vertical" size={4}>
          <span>
            {rejected > 0 ? `有错误或重复的 ${rejected.toLocaleString('zh-CN')} 行没有导入；` : ''}
            {result.skippedDuplicates ? `跳过重复 ${result.skippedDuplicates} 行；` : ''}
            {result.skippedRows ? `跳过合计/空白/说明行 ${result.skippedRows} 行；` : ''}
            {result.backupFile
              ? `导入前已自动备份（${result.backupFile}），可在“备份与恢复”中找回导入前的数据。`
              : ''}
          </span>
          <Space size={8}>
            {result.rejects ? (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void download()}
                data-testid="download-rejects"
              >
                下载未导入的行（含错误原因）
              </Button>
            ) : null}
            <Button size="small" type="primary" onClick={() => navigate(choice.route)}>
              查看{choice.label}台账
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

/** A refused preview or import: the message and the first rows it names. */
export function ImportErrorAlert(props: { error: ApiError }) {
  const { error } = props;
  return (
    <Alert
      className="fd-import-card"
      type="error"
      showIcon
      data-testid="import-error"
      title={error.message}
      description={
        error.issues.length > 0 ? (
          <ul className="fd-import-issues">
            {error.issues.slice(0, 20).map((i) => (
              <li key={`${i.row}-${i.field}-${i.message}`}>
                {i.row ? `第 ${i.row} 行：` : ''}
                {i.message}
              </li>
            ))}
            {error.issues.length > 20 ? <li>…… 共 {error.issues.length} 处</li> : null}
          </ul>
        ) : undefined
      }
    />
  );
}
