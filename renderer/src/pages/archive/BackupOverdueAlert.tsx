import { Alert, Button } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import { BACKUP_WARN_DAYS } from '../../../../shared/archive-api.js';
import { hrefOf } from '../../routes.js';
import { backupTime } from './backupTime.js';

type Status = ApiOutput<'archive.status'>;

/** The red warning when the ledger has had no good backup for BACKUP_WARN_DAYS days. */
export function BackupOverdueAlert({ status, withLink }: { status: Status | undefined; withLink?: boolean }) {
  if (!status?.overdue) return null;
  const title = status.last
    ? `已有 ${status.daysSince} 天没有备份（最近一次：${backupTime(status.last.at)}）`
    : '这个台账还没有做过备份';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={`电脑重装、U 盘丢失时，没有备份的台账和佐证材料将无法找回。请至少每 ${BACKUP_WARN_DAYS} 天备份一次，或开启自动备份。`}
      action={
        withLink && (
          <Button size="small" type="primary" danger href={hrefOf({ name: 'archive' })}>
            去备份
          </Button>
        )
      }
    />
  );
}
