import { Button, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';

interface Props {
  first: boolean;
  last: boolean;
  onMove(step: -1 | 1): void;
  onDelete(): void;
}

/** Move a block up or down, or remove it. */
export function BlockControls({ first, last, onMove, onDelete }: Props) {
  return (
    <Space size={0} className="report-block-controls">
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
}
