import { Button, Card, Flex, Input, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { ReportBlock } from '../../../../shared/report-draft.js';
import { figureLabel, type FigureOption } from './figureOptions.js';

interface Props {
  block: ReportBlock;
  figures: FigureOption[];
  first: boolean;
  last: boolean;
  onChange(block: ReportBlock): void;
  onMove(step: -1 | 1): void;
  onDelete(): void;
}

const BLOCK_NAMES: Record<ReportBlock['type'], string> = {
  heading: '标题',
  paragraph: '段落',
  'figure-table': '数据表',
  'target-table': '目标完成情况表',
  'activity-list': '活动列表',
};

const LEVELS = [
  { value: 1, label: '一级 “一、” 黑体' },
  { value: 2, label: '二级 “（一）” 楷体' },
  { value: 3, label: '三级 “1.” 仿宋加粗' },
  { value: 4, label: '四级 “（1）” 仿宋加粗' },
];

const DETAILS = [
  { value: 'none', label: '日期和名称' },
  { value: 'summary', label: '加上内容摘要' },
  { value: 'results', label: '只列有成效的活动及其成效' },
];

/** One block of a draft: its own editor, and buttons to move or remove it. */
export function BlockEditor({ block, figures, first, last, onChange, onMove, onDelete }: Props) {
  const controls = (
    <Space size={0}>
      <Tooltip title="上移">
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={first}
          onClick={() => onMove(-1)}
          aria-label="上移"
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={last}
          onClick={() => onMove(1)}
          aria-label="下移"
        />
      </Tooltip>
      <Tooltip title="删除">
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label="删除" />
      </Tooltip>
    </Space>
  );
  return (
    <Card
      size="small"
      className={`report-block report-block-${block.type}`}
      title={BLOCK_NAMES[block.type]}
      extra={controls}
    >
      {block.type === 'heading' && (
        <Space.Compact block>
          <Select
            className="report-heading-level"
            value={block.level}
            options={LEVELS}
            onChange={(level) => onChange({ ...block, level })}
            aria-label="标题级别"
          />
          <Input
            value={block.text}
            onChange={(e) => onChange({ ...block, text: e.target.value })}
            aria-label="标题文字"
          />
        </Space.Compact>
      )}
      {block.type === 'paragraph' && (
        <>
          <Input.TextArea
            value={block.text}
            autoSize={{ minRows: 2, maxRows: 12 }}
            placeholder={block.hint ?? '输入正文；{{数据项}} 会按台账自动填写'}
            onChange={(e) => onChange({ ...block, text: e.target.value })}
            aria-label="段落文字"
          />
          <Select
            className="report-insert-figure"
            size="small"
            showSearch
            placeholder="插入数据项…"
            value={null}
            options={figures.map((f) => ({ value: f.key, label: figureLabel(f) }))}
            optionFilterProp="label"
            onChange={(key: string) => onChange({ ...block, text: `${block.text}{{${key}}}` })}
          />
        </>
      )}
      {block.type === 'figure-table' && (
        <Flex vertical gap={8}>
          <Input
            value={block.title}
            prefix="表题："
            aria-label="表题"
            onChange={(e) => onChange({ ...block, title: e.target.value })}
          />
          <Select
            mode="multiple"
            className="report-block-fill"
            value={block.figures}
            options={figures.map((f) => ({ value: f.key, label: figureLabel(f) }))}
            optionFilterProp="label"
            onChange={(keys: string[]) => keys.length > 0 && onChange({ ...block, figures: keys })}
            aria-label="表中的数据项"
          />
        </Flex>
      )}
      {block.type === 'target-table' && (
        <Input
          value={block.title}
          prefix="表题："
          aria-label="表题"
          onChange={(e) => onChange({ ...block, title: e.target.value })}
        />
      )}
      {block.type === 'activity-list' && (
        <Select
          value={block.detail}
          options={DETAILS}
          onChange={(detail) => onChange({ ...block, detail })}
          aria-label="每项活动写什么"
        />
      )}
    </Card>
  );
}
