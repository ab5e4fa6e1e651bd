import { memo, useCallback, useMemo, useRef, type ReactNode, type SyntheticEvent } from 'react';
import { Select } from 'antd';
import type { FigureView, ReportBlock } from '../../../../shared/report-draft.js';
import { figureLabel, type FigureOption } from './figureOptions.js';
import { FigureChips } from './FigureChips.js';
import { MarkedTextArea } from './MarkedTextArea.js';
import { ProseEditor, type ProseEditorHandle } from './ProseEditor.js';
import type { EditorMode } from './editorMode.js';

type Paragraph = Extract<ReportBlock, { type: 'paragraph' }>;

interface Props {
  block: Paragraph;
  mode: EditorMode;
  figures: FigureOption[];
  values: ReadonlyMap<string, FigureView>;
  controls: ReactNode;
  caret: { at: number } | undefined;
  onChange(block: Paragraph): void;
  onSplit(before: string, after: string): void;
  onJoinBack(): void;
  onShowFigure(key: string): void;
}

/** A list of every figure, opened only when wanted: forty of them drawn per paragraph would slow typing. */
const InsertFigure = memo(function InsertFigure({
  figures,
  onInsert,
}: {
  figures: FigureOption[];
  onInsert(key: string): void;
}) {
  const options = useMemo(() => figures.map((f) => ({ value: f.key, label: figureLabel(f) })), [figures]);
  return (
    <Select
      className="report-insert-figure"
      size="small"
      showSearch
      placeholder="插入数据…"
      value={null}
      options={options}
      optionFilterProp="label"
      onChange={onInsert}
      aria-label="插入数据项"
      popupMatchSelectWidth={240}
    />
  );
});

/** A paragraph as it prints, typed straight in around its figures; or, in 模板, its marked-up text. */
export function ParagraphEditor(props: Props) {
  const { block, mode, figures, values, controls, onChange, onShowFigure } = props;
  const prose = useRef<ProseEditorHandle>(null);
  const caret = useRef<number | null>(null);
  const prompt = block.hint !== undefined && block.text.trim() === '';
  const insertChip = useCallback((key: string) => prose.current?.insertFigure(key), []);

  if (mode === 'prose') {
    return (
      <div className={`report-block report-block-paragraph${prompt ? ' report-block-prompt' : ''}`}>
        <ProseEditor
          ref={prose}
          text={block.text}
          values={values}
          aria-label="段落文字"
          placeholder={block.hint ?? '输入正文'}
          sentences
          caret={props.caret}
          onChange={(text) => onChange({ ...block, text })}
          onSplit={props.onSplit}
          onJoinBack={props.onJoinBack}
          onShowFigure={onShowFigure}
        />
        <div className="report-block-tools">
          {prompt && (
            <span className="report-prompt-label">
              {block.required
                ? '待补充：本部分没有其他内容时，须填写这一段或删除它，才能下载 Word'
                : '待填写：空着则不写入报告'}
            </span>
          )}
          <InsertFigure figures={figures} onInsert={insertChip} />
          {controls}
        </div>
      </div>
    );
  }

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
        aria-label="段落模板"
      />
      <FigureChips text={block.text} values={values} onShow={onShowFigure}>
        <InsertFigure figures={figures} onInsert={insert} />
        {controls}
      </FigureChips>
    </div>
  );
}
