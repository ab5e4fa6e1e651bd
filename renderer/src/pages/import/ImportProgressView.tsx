import { Button, Flex, Progress, Typography } from 'antd';
import type { ImportJobState } from './useImportJob.js';

interface Props {
  state: Extract<ImportJobState, { phase: 'starting' | 'running' | 'cancelling' }>;
  toImport: number;
  onCancel(): void;
}

/** The import under way: how far through the sheet, which row, and a way to stop it. */
export function ImportProgressView({ state, toImport, onCancel }: Props) {
  const running = state.phase === 'running' ? state : null;
  const percent = running ? Math.floor(running.fraction * 100) : 0;
  const line =
    state.phase === 'cancelling'
      ? '正在取消，已写入的部分将全部撤回…'
      : running && running.rowsRead > 0
        ? `正在导入 ${toImport.toLocaleString('zh-CN')} 条记录：已读到第 ${running.rowsRead.toLocaleString('zh-CN')} 行`
        : `正在导入 ${toImport.toLocaleString('zh-CN')} 条记录…`;
  return (
    <Flex vertical gap={8} className="import-progress" aria-live="polite">
      <Progress percent={percent} status="active" aria-label="导入进度" />
      <Flex gap={12} align="center" justify="space-between">
        <Typography.Text type="secondary">{line}</Typography.Text>
        <Button danger disabled={state.phase !== 'running'} onClick={onCancel}>
          取消导入
        </Button>
      </Flex>
      <Typography.Text type="secondary">全部写完才算导入；取消或出错时不会写入任何记录。</Typography.Text>
    </Flex>
  );
}
