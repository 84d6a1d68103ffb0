import type { ConnectionProbe, InputOf } from '@shared/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, relaunchApp } from '../api';

type Fields = InputOf<'connection.test'>;

const SSL_OPTIONS = [
  { value: 'disable', label: 'disable（不加密）' },
  { value: 'prefer', label: 'prefer（默认；不要求加密）' },
  { value: 'require', label: 'require（加密，不验证证书）' },
  { value: 'verify-full', label: 'verify-full（加密并验证服务器证书）' },
];

/**
 * 设置 › 数据库 (连接服务器数据库, #17): name a PostgreSQL server, 测试连接 (is it a FundDesk database, empty,
 * may this account edit), 连接 saves it for the next start, 改回本机文件 forgets it.
 */
export function ConnectionSetting() {
  const qc = useQueryClient();
  const info = useQuery({ queryKey: ['connection'], queryFn: () => api('connection.get', {}) });
  const [form] = Form.useForm<Fields>();
  const [mode, setMode] = useState<'fields' | 'url'>('fields');
  const [busy, setBusy] = useState(false);
  const [probe, setProbe] = useState<ConnectionProbe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [savedNow, setSavedNow] = useState<string | null>(null);
  const [cleared, setCleared] = useState(false);

  const input = (): Fields => {
    const v = form.getFieldsValue();
    return mode === 'url' ? { url: v.url ?? '' } : { ...v, url: undefined };
  };
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setCleared(false);
    try {
      await what();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const test = () =>
    run(async () => {
      setProbe(null);
      setSavedNow(null);
      setProbe(await api('connection.test', input()));
    });
  const save = (create: boolean) =>
    run(async () => {
      const r = await api('connection.save', { ...input(), create });
      setProbe(r.probe);
      setSavedNow(r.saved);
      await qc.invalidateQueries({ queryKey: ['connection'] });
    });
  const clear = () =>
    run(async () => {
      await api('connection.clear', {});
      setSavedNow(null);
      setProbe(null);
      setCleared(true);
      await qc.invalidateQueries({ queryKey: ['connection'] });
    });

  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 680 }} data-testid="connection-setting">
      <Typography.Paragraph style={{ margin: 0 }}>
        当前打开的数据库：<Typography.Text code>{info.data?.current ?? '…'}</Typography.Text>
        <br />
        下次启动时打开：
        <Typography.Text code data-testid="connection-saved">
          {info.data?.saved ?? '本机数据库文件'}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        多人共用时，可以连接单位的 PostgreSQL 服务器数据库。启动时用 --db 或环境变量 FUNDDESK_DB
        指定的数据库优先于这里的选择。
      </Typography.Paragraph>
      <Segmented
        value={mode}
        onChange={(v) => setMode(v as 'fields' | 'url')}
        options={[
          { value: 'fields', label: '逐项填写' },
          { value: 'url', label: '粘贴地址' },
        ]}
      />
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{ port: 5432, sslmode: 'prefer' }}
        style={{ width: 600 }}
      >
        {mode === 'url' ? (
          <Form.Item label="服务器地址" name="url" extra="例如 postgres://用户名@主机:5432/数据库名">
            <Input placeholder="postgres://" data-testid="connection-url" />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="主机" name="host">
              <Input placeholder="如 192.168.1.20 或 db.example.gov.cn" data-testid="connection-host" />
            </Form.Item>
            <Form.Item label="端口" name="port">
              <InputNumber min={1} max={65535} precision={0} data-testid="connection-port" />
            </Form.Item>
            <Form.Item label="数据库名" name="database">
              <Input data-testid="connection-database" />
            </Form.Item>
            <Form.Item label="用户名" name="user">
              <Input data-testid="connection-user" />
            </Form.Item>
            <Form.Item
              label="密码"
              name="password"
              extra="密码会以明文保存在本机（仅当前系统用户可读）。更安全的做法：密码留空，写在本机的 .pgpass 文件中。"
            >
              <Input.Password autoComplete="off" data-testid="connection-password" />
            </Form.Item>
            <Form.Item label="SSL 模式" name="sslmode">
              <Select options={SSL_OPTIONS} style={{ width: 320 }} />
            </Form.Item>
          </>
        )}
      </Form>
      <Space>
        <Button onClick={test} loading={busy} data-testid="connection-test">
          测试连接
        </Button>
        <Button
          type="primary"
          disabled={busy || probe?.state !== 'funddesk'}
          onClick={() => void save(false)}
          data-testid="connection-save"
        >
          连接
        </Button>
        <Button disabled={busy || !info.data?.saved} onClick={clear} data-testid="connection-clear">
          改回本机文件
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} data-testid="connection-error" />}
      {probe && !savedNow && (
        <Alert
          type={probe.state === 'empty' ? 'warning' : 'success'}
          showIcon
          message={probe.summary}
          data-testid="connection-probe"
          action={
            probe.state === 'empty' ? (
              <Button size="small" onClick={() => void save(true)} disabled={busy}>
                建立 FundDesk 的表并连接
              </Button>
            ) : undefined
          }
        />
      )}
      {cleared && (
        <Alert
          type="info"
          showIcon
          data-testid="connection-done"
          message={`已改回本机数据库文件，${relaunchApp ? '重新启动 FundDesk 后生效' : '下次启动 funddesk serve 时生效'}`}
        />
      )}
      {savedNow && (
        <Alert
          type="success"
          showIcon
          data-testid="connection-done"
          message={`已保存：下次启动时打开 ${savedNow}`}
          description={
            relaunchApp
              ? '重新启动 FundDesk 后生效。'
              : '浏览器预览：下次启动 funddesk serve（不带 --db）时生效。'
          }
          action={
            relaunchApp ? (
              <Button size="small" type="primary" onClick={() => void relaunchApp?.()}>
                立即重启
              </Button>
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
