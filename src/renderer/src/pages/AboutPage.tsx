import { useQuery } from '@tanstack/react-query';
import { Descriptions, Tag } from 'antd';
import { api } from '../api';

const HOST: Record<string, string> = {
  electron: '桌面应用',
  browser: '浏览器预览',
  test: '测试',
  cli: '命令行',
};

export function AboutPage() {
  const q = useQuery({ queryKey: ['app-info'], queryFn: () => api('app.info') });
  const i = q.data;
  if (!i) return null;
  return (
    <Descriptions bordered column={1} size="middle" style={{ maxWidth: 900, background: '#fff' }}>
      <Descriptions.Item label="数据库文件">{i.dbPath}</Descriptions.Item>
      <Descriptions.Item label="数据">
        {i.isDemo ? <Tag color="orange">示例数据</Tag> : '正式数据'}
      </Descriptions.Item>
      <Descriptions.Item label="结构版本">{i.schemaVersion}</Descriptions.Item>
      <Descriptions.Item label="FundDesk 版本">{i.version}</Descriptions.Item>
      <Descriptions.Item label="运行方式">{HOST[i.host] ?? i.host}</Descriptions.Item>
    </Descriptions>
  );
}
