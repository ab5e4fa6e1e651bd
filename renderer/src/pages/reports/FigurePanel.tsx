import { useState } from 'react';
import { Drawer, List, Table, Typography } from 'antd';
import type { FigureView } from '../../../../shared/report-draft.js';
import { useApi } from '../../hooks/useApi.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import type { DraftRef } from './useReportDraft.js';

/** The figures of the draft with their values now; each opens the records it counts. */
export function FigurePanel({ figures, draftRef }: { figures: FigureView[]; draftRef: DraftRef }) {
  const [open, setOpen] = useState<FigureView>();
  const shown = figures.filter(
    (f) => !f.empty && f.ledger !== null && !f.key.startsWith('ytd.') && f.key.split('.').length === 2,
  );
  return (
    <>
      <List
        size="small"
        className="report-figures"
        header={<Typography.Text strong>本期数据（点击查看来源记录）</Typography.Text>}
        dataSource={shown}
        locale={{ emptyText: '本期各台账没有记录' }}
        renderItem={(f) => (
          <List.Item className="report-figure" onClick={() => setOpen(f)}>
            <span>{f.label}</span>
            <span className="report-figure-value">
              {f.kind === 'text' ? `${f.recordCount} 条记录` : `${f.text}${f.unit}`}
              <code>{`{{${f.key}}}`}</code>
            </span>
          </List.Item>
        )}
      />
      {open && <FigureRecords figure={open} draftRef={draftRef} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function FigureRecords({ figure, draftRef, onClose }: { figure: FigureView; draftRef: DraftRef; onClose(): void }) {
  const [page, setPage] = useState(1);
  const records = useApi('reports.figureRecords', { ...draftRef, figure: figure.key, page, pageSize: 20 });
  return (
    <Drawer open title={`${figure.label}：${figure.text}${figure.unit}`} onClose={onClose} size="large">
      {records.error && <LoadProblem what="读取来源记录" error={records.error} onRetry={records.reload} />}
      <Table
        size="small"
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: records.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          { title: '日期', dataIndex: 'recordDate', width: 110 },
          {
            title: '内容',
            render: (_, r) =>
              Object.values(r.values)
                .filter((v) => v !== null && v !== '')
                .slice(0, 6)
                .join('，'),
          },
        ]}
      />
    </Drawer>
  );
}
