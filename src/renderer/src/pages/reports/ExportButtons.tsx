import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import type { TaskProgress } from '@shared/contract/app';
import { UNIT_LABEL, type Unit } from '@shared/money';
import type { ExportedFile, ExportFormat, ReportName } from '@shared/reports/types';
import { App as AntApp, Button, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, saveFile } from '../../api';

const LABEL: Record<ExportFormat, string> = { xlsx: 'Excel', pdf: 'PDF', csv: 'CSV' };

/** One button per format (CSV only for reports exported as a table, without their own exporter). */
const FORMAT_BUTTONS = [
  { format: 'xlsx', icon: <FileExcelOutlined />, label: 'Excel' },
  { format: 'pdf', icon: <FilePdfOutlined />, label: 'PDF' },
  { format: 'csv', icon: <FileTextOutlined />, label: 'CSV' },
] as const;

export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type Stage = { format: ExportFormat; step: 'build' | 'save' | 'done'; seconds: number };

/** How often the modal asks where a running export is (a large PDF takes tens of seconds). */
const POLL_MS = 400;

/** While `on`, the last progress of the running report export (task.progress), else null. */
function useExportProgress(on: boolean): TaskProgress | null {
  const [p, setP] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!on) {
      setP(null);
      return;
    }
    let live = true;
    const poll = () =>
      api('task.progress', { channel: 'report.export' })
        .then((x) => live && setP(x))
        .catch(() => {});
    const t = window.setInterval(poll, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(t);
    };
  }, [on]);
  return p;
}

/**
 * 导出 Excel / PDF / CSV. The file is made in the main process (the window stays responsive); a modal shows
 * the stage, the rows done of all (a large PDF is printed in parts) and the time taken, with 取消 (task.cancel:
 * no file is saved), then the file is saved (native dialog in the app, a download in the browser).
 */
export function ExportButtons(props: {
  name: ReportName;
  asOf: string;
  unit: Unit;
  fundId?: number | undefined;
  disabled?: boolean;
  /** Another document than a report (绩效评价, 年度报送): how its file is made, and which formats it has. */
  exporter?: (format: 'xlsx' | 'pdf') => Promise<ExportedFile>;
  label?: string;
}) {
  const { message } = AntApp.useApp();
  const [stage, setStage] = useState<Stage | null>(null);
  const timer = useRef<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const ownTask = stage?.step === 'build' && !(props.exporter && stage.format !== 'csv');
  const progress = useExportProgress(ownTask);

  const run = async (format: ExportFormat) => {
    const started = Date.now();
    setStage({ format, step: 'build', seconds: 0 });
    timer.current = window.setInterval(
      () => setStage((s) => (s ? { ...s, seconds: Math.floor((Date.now() - started) / 1000) } : s)),
      500,
    );
    try {
      const file =
        props.exporter && format !== 'csv'
          ? await props.exporter(format)
          : await api('report.export', {
              name: props.name,
              asOf: props.asOf,
              unit: props.unit,
              format,
              ...(props.fundId ? { fundId: props.fundId } : {}),
            });
      setStage((s) => (s ? { ...s, step: 'save' } : s));
      const saved = await saveFile(file.fileName, fromBase64(file.base64), file.mime);
      if (saved) message.success(`已导出 ${file.fileName}`);
    } catch (e) {
      if ((e as { code?: string }).code === 'cancelled') message.info('已取消导出，没有保存文件');
      else message.error(`导出失败：${(e as Error).message}`);
    } finally {
      setCancelling(false);
      if (timer.current) window.clearInterval(timer.current);
      timer.current = null;
      setStage(null);
    }
  };

  const busy = stage !== null;
  const shown = ownTask && progress && progress.total > 0 ? progress : null;
  const percent =
    stage?.step === 'build'
      ? shown
        ? Math.max(2, Math.min(95, Math.round((shown.done / shown.total) * 95)))
        : 40
      : stage?.step === 'save'
        ? 97
        : 100;
  const cancel = () => {
    setCancelling(true);
    void api('task.cancel', { channel: 'report.export' }).catch(() => setCancelling(false));
  };
  return (
    <>
      <Space size={8} wrap>
        <Typography.Text type="secondary">{props.label ?? '导出'}</Typography.Text>
        {FORMAT_BUTTONS.filter((b) => b.format !== 'csv' || !props.exporter).map((b) => (
          <Button
            key={b.format}
            icon={b.icon}
            disabled={props.disabled || busy}
            onClick={() => void run(b.format)}
            data-testid={`export-${b.format}`}
          >
            {b.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={busy}
        title={stage ? `正在导出 ${LABEL[stage.format]}` : ''}
        footer={null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        width={420}
        data-testid="export-progress"
      >
        <Progress percent={percent} status="active" showInfo={false} data-testid="export-progress-bar" />
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {stage?.step === 'build'
            ? `正在生成报表文件（截至 ${props.asOf}，金额单位：${UNIT_LABEL[props.unit]}）…`
            : '正在保存文件…'}
          {stage && stage.seconds > 0 ? (
            <Typography.Text type="secondary">{`　已用时 ${stage.seconds} 秒`}</Typography.Text>
          ) : null}
        </Typography.Paragraph>
        {shown ? (
          <Typography.Paragraph
            type="secondary"
            style={{ marginBottom: 4 }}
            data-testid="export-progress-rows"
          >
            {`已处理 ${shown.done.toLocaleString('zh-CN')} / ${shown.total.toLocaleString('zh-CN')} 行`}
          </Typography.Paragraph>
        ) : null}
        {stage?.format === 'pdf' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            PDF 内嵌中文字体以便在任何电脑上正确显示，生成需要几秒钟；行数多的报表分段排版，每一行都会列出。
          </Typography.Text>
        ) : null}
        {ownTask ? (
          <div style={{ textAlign: 'right', marginTop: 12 }}>
            <Button onClick={cancel} loading={cancelling} disabled={cancelling} data-testid="export-cancel">
              {cancelling ? '正在取消…' : '取消'}
            </Button>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
