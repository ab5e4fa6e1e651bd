import { Drawer, Empty, Timeline, Typography } from 'antd';
import { useApi } from '../../hooks/useApi.js';
import { LoadProblem } from '../LoadProblem.js';
import { AuditEntryText } from './AuditEntryText.js';
import './history.css';

interface Props {
  recordId: number;
  /** How the ledger names the record, for the title. */
  label: string;
  onClose(): void;
}

/** A record's 修改记录: who changed what and when, oldest first, as the audit log keeps it. */
export function RecordHistoryDrawer({ recordId, label, onClose }: Props) {
  const history = useApi('records.history', { id: recordId });
  return (
    <Drawer open width={520} title={`修改记录：${label}`} onClose={onClose}>
      {history.error && <LoadProblem what="读取修改记录" error={history.error} onRetry={history.reload} />}
      {history.data && history.data.length === 0 && <Empty description="这条记录还没有修改记录" />}
      {history.data && history.data.length > 0 && (
        <Timeline
          items={history.data.map((entry) => ({
            key: `${entry.action}-${entry.id}`,
            children: (
              <>
                <Typography.Text type="secondary" className="audit-when">
                  {new Date(entry.at).toLocaleString('zh-CN')} · {entry.operator}
                </Typography.Text>
                <AuditEntryText entry={entry} />
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
