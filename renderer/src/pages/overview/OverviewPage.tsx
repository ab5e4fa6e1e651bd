import { Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';
import { groupByCategory } from '../../ledgerGroups.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { CategoryCounts } from './CategoryCounts.js';
import { formatCount } from '../../format.js';
import { BackupOverdueAlert } from '../archive/BackupOverdueAlert.js';

/** 概览: which unit is filling in, and how many records each ledger holds for it. */
export function OverviewPage() {
  const { current } = useUnits();
  const ledgers = useApi('ledgers.list', current ? { unitId: current.id } : null);
  const info = useApi('app.info', {});
  const backups = useApi('archive.status', {});
  const groups = ledgers.data ? groupByCategory(ledgers.data).filter((g) => g.ledgers.length > 0) : [];
  const total = groups.reduce((sum, g) => sum + g.total, 0);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} className="page-title">
        概览
      </Typography.Title>
      <BackupOverdueAlert status={backups.data} withLink />
      <Row gutter={16}>
        <Col span={12}>
          <Card>
            <Statistic title="当前填报单位" value={current?.name ?? ''} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="本单位记录总数" value={ledgers.data ? formatCount(total) : '—'} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="台账类型" value={ledgers.data ? ledgers.data.length : '—'} suffix="种" />
          </Card>
        </Col>
      </Row>
      {ledgers.error && <LoadProblem what="读取台账目录" error={ledgers.error} onRetry={ledgers.reload} />}
      {!ledgers.data && !ledgers.error && <Skeleton active />}
      {ledgers.data && <CategoryCounts groups={groups} />}
      {info.data && (
        <Typography.Text type="secondary" className="overview-file">
          台账文件：{info.data.dbFile} · 版本 {info.data.version}
        </Typography.Text>
      )}
    </Flex>
  );
}
