import { Alert, Button, DatePicker, Dropdown, Flex, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { FigureView, ReportBlock, ReportContent } from '../../../../shared/report-draft.js';
import { BlockEditor } from './BlockEditor.js';
import { FigureChips } from './FigureChips.js';
import { MarkedTextArea } from './MarkedTextArea.js';
import './draft-editor.css';
import type { FigureOption } from './figureOptions.js';

interface Props {
  content: ReportContent;
  figures: FigureOption[];
  /** The period's figures by key, with their values now. */
  values: ReadonlyMap<string, FigureView>;
  ledgers: Array<{ key: string; label: string }>;
  onEdit(change: (content: ReportContent) => ReportContent): void;
  onShowFigure(key: string): void;
  /** The text of the block just edited, for the preview to show where it lands. */
  onEditedText(text: string): void;
}

let counter = 0;
const newId = () => `u${Date.now().toString(36)}${(counter++).toString(36)}`;

const NEW_BLOCKS: Record<string, () => ReportBlock> = {
  heading: () => ({ id: newId(), type: 'heading', level: 1, text: '' }),
  paragraph: () => ({ id: newId(), type: 'paragraph', text: '' }),
  'figure-table': () => ({ id: newId(), type: 'figure-table', title: '主要工作数据', figures: ['aid.students'] }),
  'target-table': () => ({ id: newId(), type: 'target-table', title: '目标任务完成情况表' }),
  'activity-list': () => ({ id: newId(), type: 'activity-list', detail: 'none' }),
};

const ADD_ITEMS = [
  { key: 'paragraph', label: '段落' },
  { key: 'heading', label: '标题' },
  { key: 'figure-table', label: '数据表' },
  { key: 'target-table', label: '目标完成情况表' },
  { key: 'activity-list', label: '活动列表' },
];

/** The draft as the user edits it: title, 主送, blocks in order, signature and 附件. */
export function DraftEditor({ content, figures, values, ledgers, onEdit, onShowFigure, onEditedText }: Props) {
  const setBlocks = (change: (blocks: ReportBlock[]) => ReportBlock[]) =>
    onEdit((c) => ({ ...c, blocks: change(c.blocks) }));
  const move = (index: number, step: -1 | 1) =>
    setBlocks((blocks) => {
      const next = [...blocks];
      const [moved] = next.splice(index, 1);
      next.splice(index + step, 0, moved!);
      return next;
    });
  const add = (type: string) => setBlocks((blocks) => [...blocks, NEW_BLOCKS[type]!()]);

  return (
    <Form layout="vertical" className="report-editor">
      <Alert
        className="report-editor-help"
        type="info"
        showIcon
        title={
          <>
            <mark className="report-mark-figure">{'{{…}}'}</mark>{' '}
            是按台账自动统计的数据，打开草稿或“重新统计”时按当前记录重算，段落下方是它们现在的值；
            <mark className="report-mark-optional">[[…]]</mark> 中的部分在其中数据为空时省略，数据为空的整句不写入报告。
          </>
        }
      />
      <Form.Item
        label="标题"
        extra={
          <>
            换行处即标题回行处。
            <FigureChips text={content.title} values={values} onShow={onShowFigure} />
          </>
        }
      >
        <MarkedTextArea
          aria-label="标题"
          value={content.title}
          autoSize={{ minRows: 1, maxRows: 3 }}
          onChange={(e) => onEdit((c) => ({ ...c, title: e.target.value }))}
        />
      </Form.Item>
      <Form.Item label="主送机关（可空）">
        <Input
          value={content.addressee}
          placeholder="如：县教育局扶贫办："
          onChange={(e) => onEdit((c) => ({ ...c, addressee: e.target.value }))}
        />
      </Form.Item>
      <Flex vertical gap={8}>
        {content.blocks.map((block, i) => (
          <BlockEditor
            key={block.id}
            block={block}
            figures={figures}
            values={values}
            onShowFigure={onShowFigure}
            first={i === 0}
            last={i === content.blocks.length - 1}
            onChange={(changed) => {
              if (changed.type === 'paragraph' || changed.type === 'heading') onEditedText(changed.text);
              setBlocks((blocks) => blocks.map((b, j) => (j === i ? changed : b)));
            }}
            onMove={(step) => move(i, step)}
            onDelete={() => setBlocks((blocks) => blocks.filter((_, j) => j !== i))}
          />
        ))}
        <Dropdown menu={{ items: ADD_ITEMS, onClick: ({ key }) => add(key) }}>
          <Button icon={<PlusOutlined />}>添加</Button>
        </Dropdown>
      </Flex>
      <Flex gap={12} className="report-signature">
        <Form.Item label="署名" className="report-grow">
          <Input
            value={content.signatureUnit}
            onChange={(e) => onEdit((c) => ({ ...c, signatureUnit: e.target.value }))}
          />
        </Form.Item>
        <Form.Item label="成文日期">
          <DatePicker
            value={dayjs(content.signatureDate)}
            allowClear={false}
            onChange={(date) => date && onEdit((c) => ({ ...c, signatureDate: date.format('YYYY-MM-DD') }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item label="附件表格（本期记录，按所选顺序编为附件 1、附件 2 …）">
        <Select
          mode="multiple"
          placeholder="不附表格"
          aria-label="附件表格"
          value={content.attachments.map((a) => a.ledger)}
          options={ledgers.map((l) => ({ value: l.key, label: l.label }))}
          optionFilterProp="label"
          onChange={(keys: string[]) =>
            onEdit((c) => ({
              ...c,
              attachments: keys.map(
                (ledger) => c.attachments.find((a) => a.ledger === ledger) ?? { ledger, title: '' },
              ),
            }))
          }
        />
      </Form.Item>
    </Form>
  );
}
