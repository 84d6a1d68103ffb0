import './compliance.css';
import {
  ALERT_KIND_INFO,
  ALERT_KINDS,
  type Alert,
  ruleText,
  SEVERITY_LABEL,
  type Severity,
} from '@shared/compliance/alerts';
import { Alert as AntAlert, Button, Card, Collapse, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { navigate } from '../../lib/router';
import { AsOfPicker } from '../reports/ReportView';
import { useAlerts, useComplianceAsOf, useRefreshCompliance } from './useCompliance';

export const SEVERITY_COLOR: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'blue' };

/** One alert: what, for which record, when, what to do; acknowledge with a note. */
export function AlertItem({ a, onAck }: { a: Alert; onAck?: (a: Alert) => void }) {
  return (
    <div
      className={`fd-alert${a.acknowledged ? ' fd-alert-acked' : ''}`}
      data-testid="alert-item"
      data-kind={a.kind}
    >
      <Space size={8} wrap>
        <Tag color={SEVERITY_COLOR[a.severity]}>{SEVERITY_LABEL[a.severity]}</Tag>
        <Typography.Text strong>{a.kindLabel}</Typography.Text>
        {a.dueDate ? <Typography.Text type="secondary">到期日 {a.dueDate}</Typography.Text> : null}
        {a.acknowledged ? <Tag color="green">已确认</Tag> : null}
      </Space>
      <div className="fd-alert-message">{a.message}</div>
      <Typography.Text type="secondary">处理：{a.action}</Typography.Text>
      {a.acknowledged ? (
        <div>
          <Typography.Text type="success">
            确认说明：{a.ackNote}（{a.ackAt?.slice(0, 10)}）
          </Typography.Text>
        </div>
      ) : null}
      <Space size={8} style={{ marginTop: 4 }}>
        <Button size="small" onClick={() => navigate(a.link.path, a.link.params)}>
          查看{a.link.label}
        </Button>
        {onAck && !a.acknowledged ? (
          <Button size="small" type="primary" ghost onClick={() => onAck(a)} data-testid="alert-ack">
            确认处理
          </Button>
        ) : null}
      </Space>
    </div>
  );
}

/** 提醒: every alert as of a date, by severity and fund; acknowledged ones leave the count but stay listed. */
export function AlertsPage() {
  const [asOf, setAsOf] = useComplianceAsOf('/alerts');
  const q = useAlerts(asOf);
  const refresh = useRefreshCompliance();
  const [acking, setAcking] = useState<Alert | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const alerts = q.data?.alerts ?? [];
  const open = alerts.filter((a) => !a.acknowledged);

  const save = async () => {
    if (!acking) return;
    try {
      await api('compliance.ack', { asOf, key: acking.key, note });
      setAcking(null);
      setNote('');
      setError(null);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="fd-page" data-testid="alerts-page">
      <div className="fd-toolbar">
        <Space size={16} wrap>
          <AsOfPicker value={asOf} onChange={setAsOf} />
          <Typography.Text data-testid="alerts-summary">
            共 {alerts.length} 条提醒，未处理 {open.length} 条（高{' '}
            {open.filter((a) => a.severity === 'high').length} 条）
          </Typography.Text>
        </Space>
      </div>
      {q.error ? <AntAlert type="error" showIcon title={(q.error as Error).message} /> : null}
      {q.data && alerts.length === 0 ? <Empty description={`截至${asOf}没有需要处理的事项`} /> : null}
      {(['high', 'medium', 'low'] as const).map((sev) => {
        const list = alerts.filter((a) => a.severity === sev);
        if (!list.length) return null;
        const groups = new Map<string, Alert[]>();
        for (const a of list) {
          const g = a.fundName ?? '融资对接与其他';
          groups.set(g, [...(groups.get(g) ?? []), a]);
        }
        return (
          <Card
            key={sev}
            size="small"
            className="fd-alert-group"
            data-testid={`alerts-${sev}`}
            title={
              <Space>
                <Tag color={SEVERITY_COLOR[sev]}>{SEVERITY_LABEL[sev]}</Tag>
                {`${SEVERITY_LABEL[sev]}优先级（${list.filter((a) => !a.acknowledged).length} 条未处理 / 共 ${list.length} 条）`}
              </Space>
            }
          >
            {[...groups].map(([fund, items]) => (
              <div key={fund} className="fd-alert-fund">
                <Typography.Text strong>{fund}</Typography.Text>
                {items.map((a) => (
                  <AlertItem key={a.key} a={a} onAck={setAcking} />
                ))}
              </div>
            ))}
          </Card>
        );
      })}
      {q.data ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'rules',
              label: '提醒规则与阈值（阈值可在“设置 → 提醒阈值”中修改）',
              children: (
                <ul className="fd-alert-rules">
                  {ALERT_KINDS.map((k) => (
                    <li key={k}>
                      <b>{ALERT_KIND_INFO[k].label}</b>（{k}）：{ruleText(k, q.data.thresholds)}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
      <Modal
        open={acking !== null}
        title="确认处理提醒"
        okText="确认"
        cancelText="取消"
        onOk={save}
        onCancel={() => {
          setAcking(null);
          setError(null);
        }}
        okButtonProps={{ disabled: !note.trim(), 'data-testid': 'ack-ok' } as never}
      >
        <p>{acking?.message}</p>
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="处理说明（必填，记入审计日志），如：已约谈管理人，承诺下季度完成"
          data-testid="ack-note"
        />
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Modal>
    </div>
  );
}
