import { useState } from 'react';
import { Flex, Table, Tag, Typography } from 'antd';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { validateRecord } from '../../../../shared/validation.js';
import { FieldInput, type RawValue } from '../../components/fieldInputs.js';
import type { PreviewFill } from './importRequest.js';

interface Props {
  definition: LedgerDefinition;
  fill: PreviewFill[];
  /** A checked value for every row, or "" to fill nothing. */
  onFill(field: string, value: string): void;
}

/** Picks apply at once; typed text once the user leaves the box or presses Enter, not per keystroke. */
const PICKED = new Set(['enum', 'date', 'month']);

/** What the form would say about this value for this field, or null when it passes. */
function problemOf(definition: LedgerDefinition, field: FieldDefinition, value: RawValue): string | null {
  if (value === null || String(value).trim() === '') return null;
  const result = validateRecord(definition, { [field.key]: value });
  return result.errors.find((e) => e.field === field.key)?.message ?? null;
}

function FillInput({
  definition,
  field,
  row,
  onFill,
}: { field: FieldDefinition; row: PreviewFill } & Omit<Props, 'fill'>) {
  const [draft, setDraft] = useState<RawValue>(row.value);
  const problem = problemOf(definition, field, draft);
  const apply = (value: RawValue) => {
    const text = value === null ? '' : String(value).trim();
    if (problemOf(definition, field, value) === null && text !== (row.value ?? '')) onFill(field.key, text);
  };
  return (
    <Flex
      vertical
      gap={4}
      onBlur={() => apply(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply(draft);
      }}
    >
      <FieldInput
        id={`fill-${field.key}`}
        field={field}
        value={draft}
        invalid={problem !== null}
        onChange={(value) => {
          setDraft(value);
          if (PICKED.has(field.type)) apply(value);
        }}
      />
      {problem && <Typography.Text type="danger">{`${field.label}：${problem}`}</Typography.Text>}
    </Flex>
  );
}

function stateOf(row: PreviewFill) {
  if (row.value === null) return <Tag color="orange">{row.required ? '必填，未填写' : '未填写'}</Tag>;
  return row.how === 'remembered' ? <Tag color="cyan">沿用上次的选择</Tag> : <Tag color="blue">每一行都填此值</Tag>;
}

/**
 * 本列统一填写: the fields the sheet has no column for, each with one value for every row. A 资助
 * sheet whose title says 建档立卡 leaves 家庭类型 out; typing it here lets the sheet import as it is.
 */
export function ColumnFill({ definition, fill, onFill }: Props) {
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  return (
    <Flex vertical gap={8} className="column-fill">
      <Typography.Text strong>表中没有的字段：本列统一填写</Typography.Text>
      <Typography.Text type="secondary">
        {'表中没有以下字段的列。如果整张表这一项都相同（例如标题写明“建档立卡”），在这里填写后，每一行都按此值导入；' +
          '也可以在上面把表中的某一列指定为该字段。'}
      </Typography.Text>
      <Table<PreviewFill>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        dataSource={fill}
        columns={[
          {
            key: 'label',
            title: '字段',
            width: 220,
            render: (_, row) => (
              <label htmlFor={`fill-${row.field}`}>{row.required ? `${row.label}（必填）` : row.label}</label>
            ),
          },
          {
            key: 'value',
            title: '本列统一填写',
            width: 260,
            // Remounted when the preview settles on another value, so the box shows what applies.
            render: (_, row) => (
              <FillInput
                key={row.value ?? ''}
                definition={definition}
                field={byKey.get(row.field)!}
                row={row}
                onFill={onFill}
              />
            ),
          },
          { key: 'state', title: '状态', render: (_, row) => stateOf(row) },
        ]}
      />
    </Flex>
  );
}
