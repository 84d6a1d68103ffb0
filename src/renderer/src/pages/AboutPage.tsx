import { describeMigration } from '@shared/migration-labels';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Space, Tag } from 'antd';
import { api } from '../api';

const HOST: Record<string, string> = {
  electron: '桌面应用',
  browser: '浏览器预览',
  test: '测试',
  cli: '命令行',
};

/** 数据库信息: where the data lives, its version, and the way out of the demo dataset. */
export function AboutPage() {
  const q = useQuery({ queryKey: ['app-info'], queryFn: () => api('app.info') });
  const qc = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const i = q.data;
  if (!i) return null;
  const clear = () =>
    modal.confirm({
      title: '清除示例数据？',
      content:
        '将清空全部示例台账（基金、企业、项目、融资对接等），之后可录入或导入正式数据。操作日志会保留。',
      okText: '清除',
      okButtonProps: { danger: true, 'data-testid': 'confirm-clear-demo' } as never,
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await api('demo.clear', { confirm: true });
          message.success(`已清除示例数据（${r.removed} 条记录）`);
          await qc.invalidateQueries();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  return (
    <Descriptions bordered column={1} size="middle" style={{ maxWidth: 900, background: '#fff' }}>
      <Descriptions.Item label="数据库文件">{i.dbPath}</Descriptions.Item>
      <Descriptions.Item label="数据">
        {i.isDemo ? (
          <Space>
            <Tag color="orange">示例数据</Tag>
            <Button danger size="small" onClick={clear} data-testid="clear-demo">
              清除示例数据
            </Button>
          </Space>
        ) : (
          '正式数据'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="结构版本">
        <span title={i.schemaVersion} data-testid="schema-version">
          {describeMigration(i.schemaVersion)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="FundDesk 版本">{i.version}</Descriptions.Item>
      <Descriptions.Item label="运行方式">{HOST[i.host] ?? i.host}</Descriptions.Item>
    </Descriptions>
  );
}
