import { parseCell, resolveByName } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import { ApiError } from '@shared/contract/define';
import type { LinkEntity } from '@shared/contract/ledger';
import { UNIT_LABEL, type Unit } from '@shared/money';
import type { FieldIssue } from '@shared/schemas/entities';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Options } from './colDefs';

/**
 * Add one record with the keyboard alone: fields in column order, Tab between them, Enter saves,
 * Ctrl+Enter saves and starts the next record (keeping the linked fund / enterprise). Lists are searched by
 * typing; Enter picks. Every field is checked as it is left. Saving shows every problem at once, each under
 * its field: the fields' own checks, the ledger's cross-field rules (run here on the fields that parsed) and
 * the server's answer; a problem that belongs to no field of the form shows above the fields.
 */
export function AddRecordModal(props: {
  open: boolean;
  title: string;
  columns: ColumnSpec[];
  unit: Unit;
  options: Options;
  /** The ledger's own rules on the values to be sent (the same the server applies). */
  check?: (values: Record<string, unknown>) => FieldIssue[];
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const [general, setGeneral] = useState<string[]>([]);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const { message } = AntApp.useApp();
  const fields = props.columns.filter((c) => !c.readOnly && !c.noForm);
  const resolver = (e: LinkEntity, t: string) => resolveByName(e, props.options[e] ?? [], t);

  // The first field takes the keyboard as soon as the form shows (and again once the opening animation
  // ends, in case the dialog took the focus for itself).
  const focusFirst = (force = false) =>
    setTimeout(() => {
      const el = boxRef.current?.querySelector<HTMLElement>('input, textarea');
      if (el && (force || !boxRef.current?.contains(document.activeElement))) el.focus();
    }, 0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the dialog opens
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      setSavedCount(0);
      setGeneral([]);
      focusFirst();
    }
  }, [props.open, form]);

  /** Every issue under its field at once (several on one field are all shown); the rest above the form. */
  function showIssues(
    issues: Pick<FieldIssue, 'field' | 'message'>[],
    skip: ReadonlySet<string> = new Set(),
  ) {
    const byField = new Map<string, string[]>();
    const rest: string[] = [];
    for (const i of issues) {
      if (i.field && skip.has(i.field)) continue;
      if (i.field && fields.some((f) => f.field === i.field))
        byField.set(i.field, [...(byField.get(i.field) ?? []), i.message]);
      else rest.push(i.message);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    setGeneral(rest);
    return byField.size + rest.length;
  }

  async function submit(again = false) {
    setGeneral([]);
    // All fields are checked (not only up to the first bad one), then the cross-field rules on those that
    // parsed, so one save reports every mistake.
    const failed = await form.validateFields().then(
      () => new Set<string>(),
      (e: { errorFields?: { name: (string | number)[] }[] }) =>
        new Set((e.errorFields ?? []).map((f) => String(f.name[0]))),
    );
    const raw: Record<string, unknown> = form.getFieldsValue();
    const values: Record<string, unknown> = {};
    // Fields left empty are not sent, so the ledger's defaults apply (e.g. status 投资期).
    for (const c of fields) {
      const v = raw[c.field];
      if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (c.kind === 'link' || c.kind === 'enum') values[c.field] = v;
      else if (c.kind === 'multiEnum') values[c.field] = (v as string[]).join(',');
      else {
        const r = parseCell(c, v, props.unit, resolver);
        if (r.ok && r.value != null) values[c.field] = r.value;
      }
    }
    const ruleIssues = showIssues(props.check?.(values) ?? [], failed);
    if (failed.size > 0 || ruleIssues > 0) return;
    // Fields whose empty value still changes a figure (其他LP认缴 counted as 0): said once more on saving.
    const zeroed = fields.filter((c) => c.emptyWarning && values[c.field] === undefined).map((c) => c.header);
    setSaving(true);
    try {
      await props.onSubmit(values);
      if (zeroed.length > 0) message.warning(`${zeroed.join('、')}未填写，已按 0 计；如有出资请补填`, 6);
      if (again) {
        const keep: Record<string, unknown> = {};
        for (const c of fields) if (c.kind === 'link') keep[c.field] = raw[c.field];
        form.resetFields();
        form.setFieldsValue(keep);
        setSavedCount((n) => n + 1);
        focusFirst(true);
      } else props.onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        if (showIssues(e.issues) === 0) setGeneral([e.message]);
      } else throw e;
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      afterOpenChange={(open) => {
        if (open) focusFirst();
      }}
      footer={
        <Space wrap>
          {savedCount > 0 ? (
            <Typography.Text type="success">本次已连续保存 {savedCount} 条</Typography.Text>
          ) : null}
          <Button onClick={props.onClose}>取消</Button>
          <Button loading={saving} onClick={() => void submit(true)} data-testid="add-save-next">
            保存并继续（Ctrl+Enter）
          </Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="add-save">
            保存（Enter）
          </Button>
        </Space>
      }
      width={720}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        className="fd-add-form"
        onKeyDown={(e) => {
          const t = e.target as HTMLElement;
          if (e.key === 'Tab' && !e.ctrlKey && !e.altKey) {
            // Tab goes from field to field only (not through the clear buttons of lists).
            const at = fields.findIndex(
              (f) => f.field === t.closest('[data-field]')?.getAttribute('data-field'),
            );
            const next = fields[at + (e.shiftKey ? -1 : 1)];
            if (at >= 0 && next) {
              const el = boxRef.current?.querySelector<HTMLElement>(`[data-field="${next.field}"]`);
              const input = el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input');
              if (input) {
                e.preventDefault();
                input.focus();
              }
            }
            return;
          }
          if (e.key !== 'Enter') return;
          if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            void submit(true);
          } else if (!t.closest('.ant-select, textarea')) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        {general.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="add-form-general"
            style={{ marginBottom: 12 }}
            message={general.map((m) => <div key={m}>{m}</div>)}
          />
        ) : null}
        <div className="fd-form-grid" ref={boxRef}>
          {fields.map((c, i) => (
            <Form.Item
              key={c.field}
              name={c.field}
              label={c.kind === 'money' ? `${c.header}（${UNIT_LABEL[props.unit]}）` : c.header}
              required={c.required}
              extra={c.emptyWarning}
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
          showSearch={{ optionFilterProp: 'label' }}
          allowClear={!c.required}
          placeholder="输入文字筛选，Enter 选中"
          options={c.set.codes.map((k) => ({ value: k, label: c.set.label[k] }))}
        />
      );
    case 'multiEnum':
      return (
        <Select
          {...common}
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="可多选，输入文字筛选"
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
          showSearch={{ optionFilterProp: 'label' }}
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
