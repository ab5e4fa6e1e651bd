import { App } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call, errorMessage } from '../../api.js';
import { recordLabel, type LedgerRecord } from '../../records.js';

/** Asks before deleting a record, then deletes it and tells the page (for the grid and undo). */
export function useDeleteRecord(definition: LedgerDefinition, afterDelete: (record: LedgerRecord) => void) {
  const { modal, message } = App.useApp();
  return (record: LedgerRecord) => {
    const label = recordLabel(definition, record);
    modal.confirm({
      title: `删除“${label}”这条记录？`,
      content: `将从${definition.label}中删除这条记录（${record.unitName}，${record.recordDate}）。删除会记入操作日志。`,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('records.delete', { id: record.id });
          void message.success(`已删除：${label}`);
          afterDelete(record);
        } catch (error) {
          void message.error(`删除“${label}”失败：${errorMessage(error)}`);
        }
      },
    });
  };
}
