import { Card, Flex, Skeleton, Typography } from 'antd';
import { useApi } from '../../hooks/useApi.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { formatSize } from '../../components/xlsxFiles.js';
import { BackupOverdueAlert } from './BackupOverdueAlert.js';
import { BackupNowCard } from './BackupNowCard.js';
import { AutoBackupCard } from './AutoBackupCard.js';
import { RestoreCard } from './RestoreCard.js';
import { VerifyCard } from './VerifyCard.js';
import { backupTime } from './backupTime.js';
import './archive.css';

/** 归档与备份: the last good backup, backing up now or automatically, restoring, and 四性检测. */
export function ArchivePage() {
  const status = useApi('archive.status', {});
  const last = status.data?.last;
  return (
    <Flex vertical gap={16} className="archive-page">
      <Typography.Title level={3} className="page-title">
        归档与备份
      </Typography.Title>
      {status.error && <LoadProblem what="读取备份情况" error={status.error} onRetry={status.reload} />}
      {!status.data && !status.error && <Skeleton active paragraph={{ rows: 2 }} />}
      {status.data && (
        <>
          <BackupOverdueAlert status={status.data} />
          <Card size="small" title="最近一次成功的备份">
            {last ? (
              <Flex vertical gap={4} data-testid="last-backup">
                <Typography.Text strong>
                  {backupTime(last.at)}（{status.data.daysSince === 0 ? '今天' : `${status.data.daysSince} 天前`}）
                </Typography.Text>
                <Typography.Text type="secondary" copyable={{ text: last.file }}>
                  {last.file} · {formatSize(last.bytes)}
                  {last.encrypted ? ' · 已加密' : ''}
                </Typography.Text>
              </Flex>
            ) : (
              <Typography.Text type="secondary" data-testid="last-backup">
                还没有备份
              </Typography.Text>
            )}
          </Card>
          <div className="archive-grid">
            <BackupNowCard initialFolder={status.data.folder ?? ''} onDone={status.reload} />
            <AutoBackupCard auto={status.data.auto} onChange={status.reload} />
          </div>
        </>
      )}
      <RestoreCard />
      <VerifyCard />
    </Flex>
  );
}
