import {
  describeCategory,
  RULE_BASE,
  RULE_CATEGORY,
  type RuleBase,
  type RuleCategory,
  type RuleSet,
} from '@shared/compliance/rule-set';
import { Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';

type Draft = Omit<RuleSet, 'id' | 'is_default' | 'is_example'>;

const blank: Draft = {
  name: '',
  base: 'commitment',
  multiple: 1.5,
  deadline_date: null,
  deadline_years: 5,
  categories: Object.fromEntries(
    RULE_CATEGORY.codes.map((c) => [c, { multiplier: 1, cap_pct: null, lock_in_years: null }]),
  ) as Draft['categories'],
  notes: null,
};

type CategoryField = 'multiplier' | 'cap_pct' | 'lock_in_years';

/** Create or change a rule set: base, multiple, deadline, and per category multiplier, cap and lock-in. */
export function RuleSetEditor(props: { editing: RuleSet | 'new' | null; onClose: (saved: boolean) => void }) {
  const [d, setD] = useState<Draft>(blank);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (props.editing === 'new') setD({ ...blank, name: '' });
    else if (props.editing) setD({ ...props.editing });
  }, [props.editing]);
  const setCat = (c: RuleCategory, k: CategoryField, v: number | null) =>
    setD({ ...d, categories: { ...d.categories, [c]: { ...d.categories[c], [k]: v } } });

  /** A column editing one number of every category's rule; a cleared box stores `empty`. */
  const numberColumn = (
    title: string,
    k: CategoryField,
    o: {
      min: number;
      max: number;
      step?: number;
      placeholder?: string;
      empty: number | null;
      testid?: string;
    },
  ) => ({
    title,
    dataIndex: 'c',
    key: k,
    render: (c: RuleCategory) => (
      <InputNumber
        min={o.min}
        max={o.max}
        step={o.step}
        value={d.categories[c][k]}
        placeholder={o.placeholder}
        onChange={(v) => setCat(c, k, v ?? o.empty)}
        data-testid={o.testid ? `${o.testid}-${c}` : undefined}
      />
    ),
  });

  const save = async () => {
    try {
      const id = props.editing && props.editing !== 'new' ? props.editing.id : undefined;
      await api('compliance.ruleSet.save', { ...(id ? { id } : {}), values: d });
      props.onClose(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal
      open={props.editing !== null}
      width={760}
      title={props.editing === 'new' ? '新增返投规则集' : `修改返投规则集：${d.name}`}
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={() => props.onClose(false)}
      okButtonProps={{ 'data-testid': 'ruleset-save' } as never}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={10}>
        <Space wrap>
          <span>名称</span>
          <Input
            style={{ width: 420 }}
            value={d.name}
            onChange={(e) => setD({ ...d, name: e.target.value })}
            data-testid="ruleset-name"
          />
        </Space>
        <Space wrap>
          <span>返投基数</span>
          <Select
            style={{ width: 180 }}
            value={d.base}
            onChange={(v: RuleBase) => setD({ ...d, base: v })}
            options={RULE_BASE.codes.map((c) => ({ value: c, label: RULE_BASE.label[c] }))}
          />
          <span>返投倍数</span>
          <InputNumber
            min={0}
            max={20}
            step={0.1}
            value={d.multiple}
            placeholder={d.base === 'fund' ? '按基金协议' : ''}
            onChange={(v) => setD({ ...d, multiple: v ?? null })}
            data-testid="ruleset-multiple"
          />
        </Space>
        <Space wrap>
          <span>完成期限</span>
          <InputNumber
            min={1}
            max={30}
            value={d.deadline_years}
            placeholder="年"
            onChange={(v) =>
              setD({ ...d, deadline_years: v ?? null, deadline_date: v ? null : d.deadline_date })
            }
          />
          <span>年（自基金成立起），或截止日期</span>
          <Input
            style={{ width: 130 }}
            placeholder="YYYY-MM-DD"
            value={d.deadline_date ?? ''}
            onChange={(e) =>
              setD({
                ...d,
                deadline_date: e.target.value || null,
                deadline_years: e.target.value ? null : d.deadline_years,
              })
            }
          />
          <Typography.Text type="secondary">都不填：按基金台账的返投截止日</Typography.Text>
        </Space>
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="c"
          dataSource={RULE_CATEGORY.codes.map((c) => ({ c }))}
          columns={[
            { title: '认定类别', dataIndex: 'c', render: (c: RuleCategory) => RULE_CATEGORY.label[c] },
            numberColumn('认定系数（倍）', 'multiplier', {
              min: 0,
              max: 10,
              step: 0.1,
              empty: 0,
              testid: 'mult',
            }),
            numberColumn('上限（占要求%）', 'cap_pct', {
              min: 0,
              max: 100,
              placeholder: '不限',
              empty: null,
            }),
            numberColumn('锁定期（年）', 'lock_in_years', {
              min: 1,
              max: 30,
              placeholder: '无',
              empty: null,
            }),
            {
              title: '说明',
              dataIndex: 'c',
              key: 'd',
              render: (c: RuleCategory) => describeCategory(d.categories[c]),
            },
          ]}
        />
        <Input.TextArea
          rows={2}
          placeholder="说明（依据的文件、适用范围）"
          value={d.notes ?? ''}
          onChange={(e) => setD({ ...d, notes: e.target.value || null })}
        />
        {error ? (
          <Typography.Text type="danger" data-testid="ruleset-error">
            {error}
          </Typography.Text>
        ) : null}
      </Space>
    </Modal>
  );
}
