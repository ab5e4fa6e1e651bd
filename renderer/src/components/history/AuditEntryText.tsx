import { Typography } from 'antd';
import type { AuditEntryView } from '../../../../shared/audit-api.js';

/** What one audit row says: its summary, then each field as 字段：旧值 → 新值 (or 字段：值 when new). */
export function AuditEntryText({ entry }: { entry: AuditEntryView }) {
  const created = entry.action === 'create';
  return (
    <div className="audit-entry">
      <Typography.Text strong>{entry.summary}</Typography.Text>
      {entry.batch && (
        <div className="audit-entry-batch">
          导入批次：{entry.batch.fileName}，{new Date(entry.batch.at).toLocaleString('zh-CN')}，{entry.batch.operator}
        </div>
      )}
      {entry.changes.length > 0 && (
        <ul className="audit-changes">
          {entry.changes.map((change) => (
            <li key={change.label}>
              {created ? `${change.label}：${change.after}` : `${change.label}：${change.before} → ${change.after}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
