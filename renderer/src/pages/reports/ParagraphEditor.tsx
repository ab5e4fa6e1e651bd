import { useRef, type ReactNode, type SyntheticEvent } from 'react';
import { Select } from 'antd';
import type { FigureView, ReportBlock } from '../../../../shared/report-draft.js';
import { figureLabel, type FigureOption } from './figureOptions.js';
import { FigureChips } from './FigureChips.js';
import { MarkedTextArea } from './MarkedTextArea.js';

type Paragraph = Extract<ReportBlock, { type: 'paragraph' }>;

interface Props {
  block: Paragraph;
  figures: FigureOption[];
  values: ReadonlyMap<string, FigureView>;
  controls: ReactNode;
  onChange(block: Paragraph): void;
  onShowFigure(key: string): void;
}

/** A paragraph's text, the live figures it names, and a way to put another figure where the cursor is. */
export function ParagraphEditor({ block, figures, values, controls, onChange, onShowFigure }: Props) {
  const caret = useRef<number | null>(null);
  const remember = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    caret.current = event.currentTarget.selectionStart;
  };
  const insert = (key: string) => {
    const at = Math.min(caret.current ?? block.text.length, block.text.length);
    const mark = `{{${key}}}`;
    caret.current = at + mark.length;
    onChange({ ...block, text: block.text.slice(0, at) + mark + block.text.slice(at) });
  };
  return (
    <div className="report-block report-block-paragraph">
      <MarkedTextArea
        value={block.text}
        autoSize={{ minRows: 2, maxRows: 30 }}
        placeholder={block.hint ?? '输入正文；可插入 {{数据项}}，按台账自动填写'}
        onChange={(e) => {
          remember(e);
          onChange({ ...block, text: e.target.value });
        }}
        onClick={remember}
        onKeyUp={remember}
        onSelect={remember}
        aria-label="段落文字"
      />
      <FigureChips text={block.text} values={values} onShow={onShowFigure}>
        <Select
          className="report-insert-figure"
          size="small"
          showSearch
          placeholder="插入数据项…"
          value={null}
          options={figures.map((f) => ({ value: f.key, label: figureLabel(f) }))}
          optionFilterProp="label"
          onChange={insert}
          aria-label="插入数据项"
        />
        {controls}
      </FigureChips>
    </div>
  );
}
