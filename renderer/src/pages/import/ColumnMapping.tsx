import { Collapse, Flex, Select, Table, Tag } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { ColumnFill } from './ColumnFill.js';
import type { PreviewColumn, PreviewFill } from './importRequest.js';

interface Props {
  definition: LedgerDefinition;
  columns: PreviewColumn[];
  onChoose(header: string, field: string | null): void;
}

interface FillProps {
  /** Fields no column feeds that are required or already filled. */
  fill: PreviewFill[];
  onFill(field: string, value: string): void;
}

/** Select value for "leave this column out"; field keys never start with a dash. */
const SKIP = '-';

const HOW: Record<PreviewColumn['how'], { text: string; color: string }> = {
  label: { text: '按名称对应', color: 'green' },
  alias: { text: '按常用叫法对应', color: 'green' },
  given: { text: '手动指定', color: 'blue' },
  remembered: { text: '沿用上次的选择', color: 'cyan' },
  ignored: { text: '不导入', color: 'default' },
  unmatched: { text: '未对应，请选择', color: 'orange' },
};

function valueOf(column: PreviewColumn): string | undefined {
  if (column.field) return column.field;
  return column.how === 'ignored' ? SKIP : undefined;
}

/** Each column of the sheet and the field it feeds; any column may be pointed at another field or left out. */
function MappingTable({ definition, columns, onChoose }: Props) {
  const used = new Map(columns.filter((c) => c.field).map((c) => [c.field!, c.column]));
  const fields = definition.fields.filter((f) => f.type !== 'attachments');
  const labels = new Map<string, string>([[SKIP, '不导入此列'], ...fields.map((f) => [f.key, f.label] as const)]);
  // In the list, a field another column already feeds says which; the chosen value shows the name alone.
  const options = [...labels].map(([value, label]) => ({
    value,
    label: used.has(value) ? `${label}（${used.get(value)} 列）` : label,
  }));
  return (
    <Table<PreviewColumn>
      size="small"
      bordered
      rowKey="column"
      pagination={false}
      dataSource={columns}
      className="column-mapping"
      rowClassName={(c) => (c.how === 'unmatched' ? 'column-unmatched' : '')}
      columns={[
        { key: 'column', title: '列', width: 56, align: 'center', dataIndex: 'column' },
        { key: 'header', title: '表头', width: 220, dataIndex: 'header', ellipsis: true },
        {
          key: 'field',
          title: '导入到字段',
          width: 260,
          render: (_, c) => (
            <Select
              aria-label={`${c.column} 列“${c.header}”导入到的字段`}
              value={valueOf(c)}
              placeholder="请选择对应的字段"
              status={c.how === 'unmatched' ? 'warning' : undefined}
              options={options}
              labelRender={({ value }) => labels.get(String(value)) ?? String(value)}
              showSearch={{ optionFilterProp: 'label' }}
              className="field-full"
              onChange={(value: string) => onChoose(c.header, value === SKIP ? null : value)}
            />
          ),
        },
        {
          key: 'how',
          title: '对应方式',
          render: (_, c) => <Tag color={HOW[c.how].color}>{HOW[c.how].text}</Tag>,
        },
      ]}
    />
  );
}

/**
 * The mapping, folded away while every column found its field, so the row results come first; open
 * when a column waits for the user's choice. Below it, the fields the sheet has no column for, to
 * be filled with one value. Remount it (key) for another file or sheet.
 */
export function ColumnMapping(props: Props & FillProps & { open: boolean }) {
  const { definition, columns, fill, onFill, open } = props;
  const waiting = columns.filter((c) => c.how === 'unmatched').length;
  const left = columns.filter((c) => c.how === 'ignored').length;
  const unfilled = fill.filter((f) => f.required && f.value === null).length;
  const state = [
    waiting > 0 ? `${waiting} 列未对应，请选择` : `均已对应${left > 0 ? `，${left} 列不导入` : ''}`,
    ...(unfilled > 0 ? [`${unfilled} 个必填字段表中没有，请统一填写`] : []),
  ].join('；');
  return (
    <Collapse
      size="small"
      defaultActiveKey={open ? ['mapping'] : []}
      items={[
        {
          key: 'mapping',
          label: `各列对应的字段（共 ${columns.length} 列，${state}）`,
          children: (
            <Flex vertical gap={16}>
              <MappingTable {...props} />
              {fill.length > 0 && <ColumnFill definition={definition} fill={fill} onFill={onFill} />}
            </Flex>
          ),
        },
      ]}
    />
  );
}
