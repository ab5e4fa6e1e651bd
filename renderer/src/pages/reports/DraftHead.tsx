import { memo } from 'react';
import { Alert, Flex, Form, Input, Typography } from 'antd';
import type { FigureView, ReportContent } from '../../../../shared/report-draft.js';
import { FigureChips } from './FigureChips.js';
import { MarkedTextArea } from './MarkedTextArea.js';
import { ProseEditor } from './ProseEditor.js';
import type { EditorMode } from './editorMode.js';
import { ModeSwitch } from './ModeSwitch.js';

interface Props {
  mode: EditorMode;
  onMode(mode: EditorMode): void;
  title: string;
  addressee: string;
  values: ReadonlyMap<string, FigureView>;
  onEdit(change: (content: ReportContent) => ReportContent): void;
  onShowFigure(key: string): void;
}

/** What comes before the body: how to read the editor, the title and the 主送机关. Redrawn only when they change. */
export const DraftHead = memo(function DraftHead(props: Props) {
  const { mode, onMode, title, addressee, values, onEdit, onShowFigure } = props;
  return (
    <Form layout="vertical">
      <Flex align="start" gap={12} className="report-editor-top">
        <div className="report-grow">
          {mode === 'prose' ? (
            <Typography.Paragraph type="secondary" className="report-editor-help">
              直接修改、补充文字，按 Enter 另起一段。<mark className="prose-chip">黄色底</mark>
              的数字按台账自动统计，点击查看计入的记录；<span className="report-help-omitted">灰色删除线</span>
              的句子本期没有数据，不写入报告。
            </Typography.Paragraph>
          ) : (
            <Alert
              className="report-editor-help"
              type="info"
              showIcon
              title={
                <>
                  <mark className="report-mark-figure">{'{{…}}'}</mark>{' '}
                  是按台账自动统计的数据，打开草稿或“重新统计”时按当前记录重算，段落下方是它们现在的值；
                  <mark className="report-mark-optional">[[…]]</mark>{' '}
                  中的部分在其中数据为空时省略，数据为空的整句不写入报告。
                </>
              }
            />
          )}
        </div>
        <ModeSwitch mode={mode} onMode={onMode} />
      </Flex>
      {mode === 'prose' ? (
        <Form.Item label="标题" extra="按 Enter 在此处回行。">
          <ProseEditor
            className="prose-title"
            text={title}
            values={values}
            aria-label="标题"
            placeholder="输入标题"
            lineBreaks
            onChange={(title) => onEdit((c) => ({ ...c, title }))}
            onShowFigure={onShowFigure}
          />
        </Form.Item>
      ) : (
        <Form.Item
          label="标题"
          extra={
            <>
              换行处即标题回行处。
              <FigureChips text={title} values={values} onShow={onShowFigure} />
            </>
          }
        >
          <MarkedTextArea
            aria-label="标题"
            value={title}
            autoSize={{ minRows: 1, maxRows: 3 }}
            onChange={(e) => onEdit((c) => ({ ...c, title: e.target.value }))}
          />
        </Form.Item>
      )}
      <Form.Item label="主送机关（可空，印出时自动加冒号）">
        <Input
          aria-label="主送机关"
          value={addressee}
          placeholder="如：县扶贫办、杭州市滨江区教育局"
          onChange={(e) => onEdit((c) => ({ ...c, addressee: e.target.value }))}
        />
      </Form.Item>
    </Form>
  );
});
