import { Fragment, type ReactNode } from 'react';
import { Button, Result, Table } from 'antd';
import type { ImportOutcome } from './importRequest.js';

interface Props {
  outcome: ImportOutcome;
  sheet: string;
  ledgerHref: string;
  download: ReactNode;
  onAnother(): void;
}

/** What the import wrote and what it left out, with the way on: the ledger, the rows to fix, another file. */
export function ImportOutcomeView({ outcome, sheet, ledgerHref, download, onAnother }: Props) {
  const parts = [`跳过重复的 ${outcome.skipped} 条`, `有误未导入 ${outcome.rejected.length} 行`];
  if (outcome.conflicts.length > 0) parts.push(`身份证号冲突未导入 ${outcome.conflicts.length} 行`);
  // Rejected rows and conflicts alike go back to the user, in sheet order.
  const left = [
    ...outcome.rejected.map((r) => ({ row: r.row, reason: r.errors.join('；') })),
    ...outcome.conflicts.map((c) => ({ row: c.row, reason: c.message })),
  ].sort((a, b) => a.row - b.row);
  return (
    <>
      <Result
        status={outcome.imported > 0 ? 'success' : 'info'}
        title={`已导入 ${outcome.imported} 条记录`}
        subTitle={`${parts.join('；')}。${left.length > 0 ? '未导入的行可下载后修改，再导入一次。' : ''}`}
        extra={[
          <Button key="ledger" type="primary" href={ledgerHref}>
            查看台账
          </Button>,
          left.length > 0 && <Fragment key="download">{download}</Fragment>,
          <Button key="again" onClick={onAnother}>
            导入其他文件
          </Button>,
        ]}
      />
      {left.length > 0 && (
        <Table
          size="small"
          bordered
          rowKey="row"
          title={() => `未导入的行（行号为工作表“${sheet}”中的位置）`}
          dataSource={left}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'row', title: '行号', width: 90, render: (_, r) => `第 ${r.row} 行` },
            { key: 'reason', title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}
