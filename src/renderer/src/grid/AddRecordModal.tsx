import { parseCell, resolveByName } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import { ApiError } from '@shared/contract/define';
import type { LinkEntity } from '@shared/contract/ledger';
import { UNIT_LABEL, type Unit } from '@shared/money';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Options } from './colDefs';

/**
 * Add one record with the keyboard alone: fields in column order, Tab between them, Enter saves.
 * Every field is checked as it is left; the server's answer lands on the field it concerns.
 */
export function AddRecordModal(props: {
  open: boolean;
  title: string;
  columns: ColumnSpec[];
  unit: Unit;
  options: Options;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const fields = props.columns.filter((c) => !c.readOnly && !c.noForm);
  const resolver = (e: LinkEntity, t: string) => resolveByName(e, props.options[e] ?? [], t);

  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);

  async function submit() {
    let raw: Record<string, unknown>;
    try {
      raw = await form.validateFields();
    } catch {
      return;
    }
    const values: Record<string, unknown> = {};
    for (const c of fields) {
      const v = raw[c.field];
      if (c.kind === 'link' || c.kind === 'enum') values[c.field] = v ?? null;
      else if (c.kind === 'multiEnum') values[c.field] = ((v as string[] | undefined) ?? []).join(',');
      else {
        const r = parseCell(c, v, props.unit, resolver);
        if (r.ok) values[c.field] = r.value;
      }
    }
    setSaving(true);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = e.issues.filter((i) => i.field && fields.some((f) => f.field === i.field));
        if (byField.length > 0) form.setFields(byField.map((i) => ({ name: i.field!, errors: [i.message] })));
        else form.setFields([{ name: fields[0]!.field, errors: [e.message] }]);
      } else throw e;
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="保存（Enter）"
      cancelText="取消"
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        className="fd-add-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !(e.target as HTMLElement).closest('.ant-select, textarea')) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <div className="fd-form-grid">
          {fields.map((c, i) => (
            <Form.Item
              key={c.field}
              name={c.field}
              label={c.kind === 'money' ? `${c.header}（${UNIT_LABEL[props.unit]}）` : c.header}
              required={c.required}
              validateTrigger={['onBlur', 'onSubmit']}
              rules={[
                {
                  validator: async (_r, v) => {
                    if (c.kind === 'link' || c.kind === 'enum') {
                      if (c.required && v == null) throw new Error(`请选择${c.header}`);
                      return;
                    }
                    if (c.kind === 'multiEnum') return;
                    const r = parseCell(c, v, props.unit, resolver);
                    if (!r.ok) throw new Error(r.error);
                  },
                },
              ]}
            >
              {field(c, props.options, props.unit, i === 0)}
            </Form.Item>
          ))}
        </div>
      </Form>
    </Modal>
  );
}

function field(c: ColumnSpec, options: Options, unit: Unit, first: boolean) {
  const common = { autoFocus: first, 'data-field': c.field } as const;
  switch (c.kind) {
    case 'link':
      return (
        <Select
          {...common}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="输入名称搜索"
          options={(options[c.link] ?? []).map((o) => ({
            value: o.id,
            label: o.hint ? `${o.name}（${o.hint}）` : o.name,
          }))}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          allowClear={!c.required}
          options={c.set.codes.map((k) => ({ value: k, label: c.set.label[k] }))}
        />
      );
    case 'multiEnum':
      return (
        <Select
          {...common}
          mode="multiple"
          options={c.set.codes.map((k) => ({ value: k, label: c.set.label[k] }))}
        />
      );
    case 'money':
      return <Input {...common} placeholder={`如 1.5亿、3000万、12,345.67（默认${UNIT_LABEL[unit]}）`} />;
    case 'date':
      return <Input {...common} placeholder="如 2023-08-01、2023/8/1、2023年8月1日" />;
    case 'bool':
      return (
        <Select
          {...common}
          options={[
            { value: '是', label: '是' },
            { value: '否', label: '否' },
          ]}
        />
      );
    case 'text':
      return c.multiline ? (
        <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 4 }} />
      ) : (
        <Input {...common} />
      );
    default:
      return <Input {...common} />;
  }
}
