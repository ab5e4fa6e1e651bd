import { memo } from 'react';
import { Input, Select } from 'antd';
import type { FigureView, ReportBlock } from '../../../../shared/report-draft.js';
import { figureLabel, type FigureOption } from './figureOptions.js';
import { BlockControls } from './BlockControls.js';
import { ParagraphEditor } from './ParagraphEditor.js';
import { FigureChips } from './FigureChips.js';
import { FigureTag } from './FigureTag.js';
import { ProseEditor } from './ProseEditor.js';
import type { EditorMode } from './editorMode.js';

/** What a block may ask of the draft; one object for all blocks, so a keystroke redraws only its own. */
export interface BlockActions {
  change(block: ReportBlock): void;
  move(id: string, step: -1 | 1): void;
  remove(id: string): void;
  split(id: string, before: string, after: string): void;
  /** Joins a paragraph to the paragraph before it. */
  joinBack(id: string): void;
  showFigure(key: string): void;
}

interface Props {
  block: ReportBlock;
  mode: EditorMode;
  figures: FigureOption[];
  values: ReadonlyMap<string, FigureView>;
  first: boolean;
  last: boolean;
  /** Where the cursor goes in this block: it was just split off, or joined to. */
  caret: { at: number } | undefined;
  actions: BlockActions;
}

const BLOCK_NAMES: Record<ReportBlock['type'], string> = {
  heading: '标题',
  paragraph: '段落',
  'figure-table': '数据表',
  'target-table': '目标完成情况表',
  'activity-list': '活动列表',
};

/** The figures a target table or activity list is drawn from, written as text for FigureChips. */
function sourceFigures(block: ReportBlock): string {
  if (block.type === 'target-table') return '{{targets.progress}}';
  if (block.type === 'activity-list') return '{{activity.count}}';
  return '';
}

const LEVELS = [
  { value: 1, label: '一级 “一、” 黑体' },
  { value: 2, label: '二级 “（一）” 楷体' },
  { value: 3, label: '三级 “1.” 仿宋加粗' },
  { value: 4, label: '四级 “（1）” 仿宋加粗' },
];

const DETAILS = [
  { value: 'none', label: '每项活动写日期和名称' },
  { value: 'summary', label: '每项活动写日期、名称和内容摘要' },
  { value: 'results', label: '只列有成效的活动及其成效' },
];

/** One block of a draft: its own editor, and buttons to move or remove it. */
export const BlockEditor = memo(function BlockEditor({
  block,
  mode,
  figures,
  values,
  first,
  last,
  caret,
  actions,
}: Props) {
  const onChange = actions.change;
  const onShowFigure = actions.showFigure;
  const controls = (
    <BlockControls
      first={first}
      last={last}
      onMove={(step) => actions.move(block.id, step)}
      onDelete={() => actions.remove(block.id)}
    />
  );
  if (block.type === 'paragraph') {
    return (
      <ParagraphEditor
        block={block}
        mode={mode}
        figures={figures}
        values={values}
        controls={controls}
        caret={caret}
        onChange={onChange}
        onSplit={(before, after) => actions.split(block.id, before, after)}
        onJoinBack={() => actions.joinBack(block.id)}
        onShowFigure={onShowFigure}
      />
    );
  }
  if (block.type === 'heading') {
    return (
      <div className={`report-block report-block-heading report-level-${block.level}`}>
        <Select
          className="report-heading-level"
          value={block.level}
          options={LEVELS}
          onChange={(level) => onChange({ ...block, level })}
          aria-label="标题级别"
        />
        {mode === 'prose' ? (
          <ProseEditor
            className="prose-heading"
            text={block.text}
            values={values}
            aria-label="标题文字"
            placeholder="输入标题"
            onChange={(text) => onChange({ ...block, text })}
            onShowFigure={onShowFigure}
          />
        ) : (
          <Input
            className="report-heading-text"
            value={block.text}
            onChange={(e) => onChange({ ...block, text: e.target.value })}
            aria-label="标题文字"
          />
        )}
        {controls}
      </div>
    );
  }
  return (
    <div className={`report-block report-block-${block.type}`}>
      <div className="report-block-head">
        <span className="report-block-kind">{BLOCK_NAMES[block.type]}</span>
        {block.type === 'activity-list' ? (
          <Select
            className="report-block-fill"
            value={block.detail}
            options={DETAILS}
            onChange={(detail) => onChange({ ...block, detail })}
            aria-label="每项活动写什么"
          />
        ) : (
          <Input
            className="report-block-fill"
            value={block.title}
            prefix="表题："
            aria-label="表题"
            onChange={(e) => onChange({ ...block, title: e.target.value })}
          />
        )}
        {controls}
      </div>
      {block.type === 'figure-table' && (
        <Select
          mode="multiple"
          value={block.figures}
          options={figures.map((f) => ({ value: f.key, label: figureLabel(f) }))}
          optionFilterProp="label"
          onChange={(keys: string[]) => keys.length > 0 && onChange({ ...block, figures: keys })}
          tagRender={({ value, label, closable, onClose }) => (
            <FigureTag figure={values.get(String(value))} label={label} closable={closable} onClose={onClose} />
          )}
          aria-label="表中的数据项"
        />
      )}
      <FigureChips text={sourceFigures(block)} values={values} onShow={onShowFigure} />
    </div>
  );
});
