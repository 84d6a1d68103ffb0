import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, message, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { savedUserName, saveUserName } from '../lib/userName';

/** 设置 › 用户: the name the 操作记录 records for this installation's changes. */
export function UserNameSetting() {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: ['session-user'], queryFn: () => api('session.user', {}) });
  // What the user typed (null: nothing yet, the field shows the current name). Typing before the current name
  // has arrived is kept: the name arriving never overwrites it.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? current.data?.name ?? '';
  const save = async (name: string | null) => {
    try {
      const now = await saveUserName(name);
      await qc.invalidateQueries({ queryKey: ['session-user'] });
      setTyped(null);
      message.success(`操作记录将以“${now || '（未记录）'}”记录您的修改`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 560 }} data-testid="user-name-setting">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        多人共用一个数据库时，每条操作记录都会写明是谁修改的。默认使用本机的登录名；这里的设置只保存在本机，不写入共享数据库。
      </Typography.Paragraph>
      <Space>
        <Input
          style={{ width: 240 }}
          maxLength={64}
          value={text}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => void save(text)}
          placeholder="您的姓名"
          data-testid="user-name-input"
        />
        <Button type="primary" onClick={() => void save(text)} data-testid="user-name-save">
          保存
        </Button>
        <Button disabled={!savedUserName()} onClick={() => void save(null)}>
          恢复为登录名
        </Button>
      </Space>
    </Space>
  );
}
