import { Table, Typography } from 'antd';
import type { PreviewRow } from './importRequest.js';

interface CellProblem {
  id: string;
  row: number;
  column: string | null;
  header: string | null;
  label: string;
  message: string;
  text: string;
}

function flatten(rows: PreviewRow[]): CellProblem[] {
  return rows.flatMap((r) =>
    r.errors.map((e, i) => ({
      id: `${r.row}-${i}`,
      row: r.row,
      column: e.column,
      header: e.header,
      label: e.label,
      message: e.message,
      text: e.text,
    })),
  );
}

/** Every problem of every rejected row, one line per cell: sheet row, column, header, field and why. */
export function RejectedRowsTable({ rows, sheet }: { rows: PreviewRow[]; sheet: string }) {
  const problems = flatten(rows);
  return (
    <Table<CellProblem>
      size="small"
      bordered
      rowKey="id"
      dataSource={problems}
      className="rejected-rows"
      title={() => (
        <Typography.Text type="secondary">
          以下行号、列号均为工作表“{sheet}”中的位置，可对照 Excel 修改；也可以下载待修正行，改好后再导入。
        </Typography.Text>
      )}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 处` }}
      columns={[
        { key: 'row', title: '行号', width: 90, render: (_, p) => `第 ${p.row} 行` },
        { key: 'column', title: '列', width: 64, align: 'center', render: (_, p) => p.column ?? '—' },
        { key: 'header', title: '表头', width: 160, ellipsis: true, render: (_, p) => p.header ?? '（表中无此列）' },
        { key: 'label', title: '字段', width: 140, dataIndex: 'label' },
        {
          key: 'message',
          title: '问题',
          render: (_, p) => <span title={p.text}>{p.message}</span>,
        },
      ]}
    />
  );
}
