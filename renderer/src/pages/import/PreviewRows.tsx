import { Alert, Flex, Table, Tabs } from 'antd';
import { IMPORT_PREVIEW_ROWS } from '../../../../shared/import-api.js';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { columnWidth, formatCell } from '../../format.js';
import { RejectedRowsTable } from './RejectedRowsTable.js';
import type { ImportPreview, PreviewRow } from './importRequest.js';

const PAGING = { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n: number) => `共 ${n} 行` };

/** Rows as they would be stored, one column per field, headed by their row number in the sheet. */
function ValueRows({
  definition,
  rows,
  note,
}: {
  definition: LedgerDefinition;
  rows: PreviewRow[];
  /** Width of the 说明 column, when the rows carry a note. */
  note?: number;
}) {
  const fields = definition.fields.filter((f) => f.type !== 'attachments');
  return (
    <Table<PreviewRow>
      size="small"
      bordered
      rowKey="row"
      dataSource={rows}
      pagination={PAGING}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'row', title: '行号', width: 90, fixed: 'left', render: (_, r) => `第 ${r.row} 行` },
        ...(note ? [{ key: 'note', title: '说明', width: note, render: (_: unknown, r: PreviewRow) => r.note }] : []),
        ...fields.map((f) => ({
          key: f.key,
          title: f.label,
          width: columnWidth(f),
          align: f.type === 'int' || f.type === 'money' ? ('right' as const) : undefined,
          ellipsis: true,
          render: (_: unknown, r: PreviewRow) => formatCell(f, r.values?.[f.key]),
        })),
      ]}
    />
  );
}

/** The rows of the sheet by what an import would do with them: rejected, skipped as duplicates or conflicts, imported. */
export function PreviewRows({ definition, preview }: { definition: LedgerDefinition; preview: ImportPreview }) {
  const rejected = preview.rows.filter((r) => r.status === 'rejected');
  const duplicates = preview.rows.filter((r) => r.status === 'duplicate');
  const conflicts = preview.rows.filter((r) => r.status === 'conflict');
  const good = preview.rows.filter((r) => r.status === 'ok');
  const { counts } = preview;
  return (
    <Flex vertical gap={8}>
      {preview.truncated && (
        <Alert
          type="info"
          showIcon
          title={`预览最多列出 ${IMPORT_PREVIEW_ROWS} 行（有误的行优先），其余的行已计入上面的数量，导入时一并处理`}
        />
      )}
      <Tabs
        defaultActiveKey={counts.rejected > 0 ? 'rejected' : 'ok'}
        items={[
          {
            key: 'rejected',
            label: `有误的行（${counts.rejected}）`,
            children: <RejectedRowsTable rows={rejected} sheet={preview.sheet} />,
          },
          {
            key: 'duplicate',
            label: `重复的行（${counts.duplicates}）`,
            children: <ValueRows definition={definition} rows={duplicates} note={160} />,
          },
          // A tab only when there are any: most sheets have none, and most ledgers hold no ID numbers.
          ...(counts.conflicts > 0
            ? [
                {
                  key: 'conflict',
                  label: `身份证号冲突的行（${counts.conflicts}）`,
                  children: (
                    <Flex vertical gap={8}>
                      <Alert
                        type="warning"
                        showIcon
                        title="这些行的身份证号已登记在另一个姓名下，不会导入（即使选择导入重复的行也不会）。请核对后改正表格或台账中的记录，再导入；下载的待修正行中也有这些行。"
                      />
                      <ValueRows definition={definition} rows={conflicts} note={420} />
                    </Flex>
                  ),
                },
              ]
            : []),
          {
            key: 'ok',
            label: `可导入的行（${counts.toImport}）`,
            children: <ValueRows definition={definition} rows={good} />,
          },
        ]}
      />
    </Flex>
  );
}
