import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApi } from '../../hooks/useApi.js';
import { groupByCategory, type LedgerSummary } from '../../ledgerGroups.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { hrefOf } from '../../routes.js';
import { formatCount } from '../../format.js';

function LedgerCard({ ledger }: { ledger: LedgerSummary }) {
  return (
    <a href={hrefOf({ name: 'ledger', key: ledger.key })} className="ledger-card-link" data-ledger={ledger.key}>
      <Card size="small" hoverable className="ledger-card">
        <div className="ledger-card-title">{ledger.label}</div>
        <Flex justify="space-between" align="center">
          <span className="ledger-card-count">{formatCount(ledger.count)} 条</span>
          {!ledger.builtin && <Tag color="blue">自定义</Tag>}
        </Flex>
      </Card>
    </a>
  );
}

/** 台账: every ledger type, grouped by category, with its record count across all units. */
export function CataloguePage() {
  const { data, error, reload } = useApi('ledgers.list', {});
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between">
        <Typography.Title level={3} className="page-title">
          台账
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} href={hrefOf({ name: 'ledger-type-new' })}>
          新建台账类型
        </Button>
      </Flex>
      {error && <LoadProblem what="读取台账目录" error={error} onRetry={reload} />}
      {!data && !error && <Skeleton active />}
      {data &&
        groupByCategory(data).map((group) => (
          <section key={group.category} aria-label={group.category} className="catalogue-group">
            <Typography.Title level={5}>
              {group.category}
              <Typography.Text type="secondary" className="catalogue-group-total">
                {group.ledgers.length} 种 · {formatCount(group.total)} 条
              </Typography.Text>
            </Typography.Title>
            {group.ledgers.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一类还没有台账" className="catalogue-empty" />
            ) : (
              <div className="ledger-grid">
                {group.ledgers.map((ledger) => (
                  <LedgerCard key={ledger.key} ledger={ledger} />
                ))}
              </div>
            )}
          </section>
        ))}
    </Flex>
  );
}
