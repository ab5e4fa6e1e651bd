import { Alert, Progress, Result, Typography } from 'antd';
import type { ExportState } from './useExportJob.js';

const rows = (n: number) => n.toLocaleString('zh-CN');

/** The export under way or how it ended: the progress bar, then saved, downloaded, cancelled or failed. */
export function ExportProgressView({ state }: { state: ExportState }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'starting':
    case 'running':
    case 'saving':
    case 'cancelling': {
      const running = state.phase === 'running' ? state : null;
      const counted = running !== null && running.total > 0;
      const percent = counted
        ? Math.floor((running.written / running.total) * 100)
        : state.phase === 'saving'
          ? 100
          : 0;
      const line =
        state.phase === 'cancelling'
          ? '正在取消…'
          : state.phase === 'saving'
            ? `已写完“${state.fileName}”，正在保存…`
            : counted
              ? `正在导出“${running.fileName}”：已写入 ${rows(running.written)} / ${rows(running.total)} 行`
              : '正在统计要导出的记录…';
      return (
        <div className="export-progress" aria-live="polite">
          <Progress
            percent={percent}
            status={state.phase === 'cancelling' ? 'normal' : 'active'}
            aria-label="导出进度"
          />
          <Typography.Text type="secondary">{line}</Typography.Text>
        </div>
      );
    }
    case 'saved':
      return (
        <Result
          status="success"
          title="已保存"
          subTitle={<span className="export-saved-to">已保存到 {state.savedTo}</span>}
        />
      );
    case 'downloaded':
      return (
        <Result
          status="success"
          title="已导出"
          subTitle={`已开始下载“${state.fileName}”，请在浏览器的下载列表中查看`}
        />
      );
    case 'unsaved':
      return (
        <Result
          status="info"
          title="尚未保存"
          subTitle={`“${state.fileName}”已导出，但还没有选择保存位置。点“保存…”选择位置；关闭此窗口将丢弃这份导出。`}
        />
      );
    case 'cancelled':
      return <Result status="warning" title="已取消" subTitle="导出已取消，未生成文件" />;
    case 'failed':
      return <Alert type="error" showIcon role="alert" title="导出失败" description={state.message} />;
  }
}
