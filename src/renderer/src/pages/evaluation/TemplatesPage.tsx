import type { TemplateSummary } from '@shared/evaluation/types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { api, openFile } from '../../api';
import { ListTable } from '../../components/ListTable';
import { navigate } from '../../lib/router';
import { saveExported } from './common';

function toBase64(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(s);
}

/** 评价模板: the templates (latest version of each), with copy, edit, default, xlsx export and import. */
export function TemplatesPage() {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({
    queryKey: ['evaluation', 'templates'],
    queryFn: () => api('evaluation.templates', {}),
  });
  const done = (text: string) => () => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: ['evaluation'] });
  };
  const onError = (e: unknown) => message.error((e as Error).message);
  const copy = useMutation({
    mutationFn: (id: number) => api('evaluation.template.copy', { id }),
    onSuccess: (t) => {
      done(`已复制为“${t.name}”`)();
      navigate('/evaluation/template', { id: t.id });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (familyId: number) => api('evaluation.template.delete', { familyId }),
    onSuccess: done('模板已删除'),
    onError,
  });
  const setDefault = useMutation({
    mutationFn: (familyId: number) => api('evaluation.template.default', { familyId }),
    onSuccess: done('已设为新评价使用的模板'),
    onError,
  });
  const exportXlsx = async (id: number) => {
    try {
      const f = await api('evaluation.template.export', { id });
      if (await saveExported(f)) message.success(`已导出 ${f.fileName}`);
    } catch (e) {
      onError(e);
    }
  };
  const importXlsx = async () => {
    const f = await openFile(['xlsx']);
    if (!f) return;
    try {
      const t = await api('evaluation.template.import', { fileName: f.name, base64: toBase64(f.data) });
      done(`已导入模板“${t.name}”`)();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <div className="fd-page" data-testid="evaluation-templates">
      <div className="fd-toolbar">
        <Space>
          <Button onClick={() => navigate('/evaluation')}>返回年度评价</Button>
        </Space>
        <Space>
          <Button onClick={() => void importXlsx()} data-testid="import-template">
            从 Excel 导入模板
          </Button>
          <Button type="primary" onClick={() => navigate('/evaluation/template', { new: 1 })}>
            新建模板
          </Button>
        </Space>
      </div>
      {q.error ? <Alert type="error" showIcon title={(q.error as Error).message} /> : null}
      <Card size="small" title="评价模板" styles={{ body: { padding: 0 } }}>
        <ListTable<TemplateSummary>
          rowKey="family_id"
          loading={q.isLoading}
          rows={q.data}
          columns={[
            {
              title: '模板名称',
              dataIndex: 'name',
              render: (n: string, t) => (
                <Space>
                  <Typography.Link onClick={() => navigate('/evaluation/template', { id: t.id })}>
                    {n}
                  </Typography.Link>
                  {t.is_example ? <Tag color="orange">示例</Tag> : null}
                  {t.is_default ? <Tag color="blue">新评价使用</Tag> : null}
                </Space>
              ),
            },
            { title: '当前版本', dataIndex: 'version', width: 90, render: (v: number) => `第${v}版` },
            { title: '指标数', dataIndex: 'indicators', width: 80, align: 'right' },
            {
              title: '已用于评价',
              dataIndex: 'evaluations',
              width: 100,
              align: 'right',
              render: (n: number) => `${n}份`,
            },
            {
              title: '操作',
              key: 'ops',
              width: 380,
              render: (_: unknown, t) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => navigate('/evaluation/template', { id: t.id })}>
                    编辑
                  </Button>
                  <Button size="small" onClick={() => copy.mutate(t.id)}>
                    复制
                  </Button>
                  <Button size="small" onClick={() => void exportXlsx(t.id)}>
                    导出 Excel
                  </Button>
                  <Button size="small" disabled={t.is_default} onClick={() => setDefault.mutate(t.family_id)}>
                    设为默认
                  </Button>
                  <Popconfirm
                    title="删除该模板的全部版本？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove.mutate(t.family_id)}
                  >
                    <Button size="small" danger disabled={t.evaluations > 0}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        模板按版本保存：编辑后保存为新版本，已保存的评价继续使用原版本，历年得分不会因模板修改而改变。示例模板的指标分组参照各省政府投资基金绩效评价办法的公开示例，请复制后按本地办法修改权重和评分表。
      </Typography.Paragraph>
    </div>
  );
}
