import { Input, Select } from 'antd';
import type { FigureView, ReportBlock } from '../../../../shared/report-draft.js';
import { figureLabel, type FigureOption } from './figureOptions.js';
import { BlockControls } from './BlockControls.js';
import { ParagraphEditor } from './ParagraphEditor.js';
import { FigureChips } from './FigureChips.js';
import { FigureTag } from './FigureTag.js';

interface Props {
  block: ReportBlock;
  figures: FigureOption[];
  values: ReadonlyMap<string, FigureView>;
  first: boolean;
  last: boolean;
  onChange(block: ReportBlock): void;
  onMove(step: -1 | 1): void;
  onDelete(): void;
  onShowFigure(key: string): void;
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
export function BlockEditor({ block, figures, values, first, last, onChange, onMove, onDelete, onShowFigure }: Props) {
  const controls = <BlockControls first={first} last={last} onMove={onMove} onDelete={onDelete} />;
  if (block.type === 'paragraph') {
    return (
      <ParagraphEditor
        block={block}
        figures={figures}
        values={values}
        controls={controls}
        onChange={onChange}
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
        <Input
          className="report-heading-text"
          value={block.text}
          onChange={(e) => onChange({ ...block, text: e.target.value })}
          aria-label="标题文字"
        />
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
}
