import { describeDemoLoaded } from '@shared/demo-loaded';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api';

/** A new user's first start: offer the bundled demo dataset. */
export function DemoOffer() {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [loading, setLoading] = useState(false);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="欢迎使用 FundDesk。数据库还是空的。"
      description="可以先载入示例数据（虚构的基金、企业与项目，汇总数字依坪山区公开报道：子基金 11 只、总规模 49.63 亿元，即报道所说的“超49.52亿元”）熟悉功能，之后可在“数据库信息”页清除；也可以直接新增或导入自己的台账。"
      action={
        <Space>
          <Button
            type="primary"
            loading={loading}
            data-testid="load-demo"
            onClick={async () => {
              setLoading(true);
              try {
                const r = await api('demo.load', { replace: false });
                message.success(`已载入示例数据：${describeDemoLoaded(r)}`);
                await qc.invalidateQueries();
              } catch (e) {
                message.error((e as Error).message);
              } finally {
                setLoading(false);
              }
            }}
          >
            载入示例数据
          </Button>
        </Space>
      }
    />
  );
}
