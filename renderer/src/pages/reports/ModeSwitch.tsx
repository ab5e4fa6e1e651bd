import { Segmented } from 'antd';
import type { EditorMode } from './editorMode.js';

const MODES: Array<{ value: EditorMode; label: string; title: string }> = [
  { value: 'prose', label: '正文', title: '按报告印出的样子修改文字' },
  { value: 'template', label: '模板', title: '修改报告类型的人使用：显示数据项标记 {{…}} 和可省略部分 [[…]]' },
];

/** 正文 or 模板: the report as it prints, or the marks a report type is made of. */
export function ModeSwitch({ mode, onMode }: { mode: EditorMode; onMode(mode: EditorMode): void }) {
  return (
    <Segmented
      aria-label="编辑方式"
      size="small"
      value={mode}
      options={MODES.map((m) => ({ value: m.value, label: <span title={m.title}>{m.label}</span> }))}
      onChange={onMode}
    />
  );
}
