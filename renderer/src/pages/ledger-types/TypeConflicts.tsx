import { Alert, Table } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import type { TypeConflict } from '../../../../shared/ledger-type-draft.js';
import { useRecordNames } from './useRecordNames.js';

interface Props {
  conflicts: TypeConflict[];
  /** All of them; the list may hold fewer. */
  count: number;
  /** The type as saved, to name the records. */
  definition: LedgerDefinition;
}

function valueText(value: TypeConflict['value']): string {
  return value === null ? '（空）' : String(value);
}

/** Stored values that would not fit the changed fields: the update was refused and nothing changed. */
export function TypeConflicts({ conflicts, count, definition }: Props) {
  const names = useRecordNames(
    conflicts.map((c) => c.recordId),
    definition,
  );
  const listed = conflicts.length < count ? `（下表列出前 ${conflicts.length} 处）` : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="type-conflicts"
      title={`有 ${count} 处已填的内容不符合修改后的字段设置，台账类型未作任何修改`}
      description={
        <>
          <p>请先到台账中修改这些记录，或保留字段原来的类型和设置后再保存{listed}。</p>
          <Table<TypeConflict>
            size="small"
            bordered
            rowKey={(c) => `${c.recordId}-${c.field}`}
            dataSource={conflicts}
            pagination={conflicts.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              {
                key: 'record',
                title: '记录',
                width: 180,
                render: (_, c) =>
                  names.has(c.recordId) ? `${names.get(c.recordId)}（编号 ${c.recordId}）` : `编号 ${c.recordId}`,
              },
              { key: 'field', title: '字段', width: 160, dataIndex: 'label' },
              { key: 'value', title: '已填内容', width: 220, ellipsis: true, render: (_, c) => valueText(c.value) },
              { key: 'message', title: '不符合的原因', dataIndex: 'message' },
            ]}
          />
        </>
      }
    />
  );
}
