import { Card, Col, Row, Typography } from 'antd';
import type { LedgerGroup } from '../../ledgerGroups.js';
import { hrefOf } from '../../routes.js';
import { formatCount } from '../../format.js';

/** One card per category: its ledgers and how many records each holds. */
export function CategoryCounts({ groups }: { groups: LedgerGroup[] }) {
  return (
    <Row gutter={[16, 16]}>
      {groups.map((group) => (
        <Col key={group.category} xs={24} lg={12} xl={8}>
          <Card
            size="small"
            title={group.category}
            extra={<Typography.Text type="secondary">共 {formatCount(group.total)} 条</Typography.Text>}
            className="category-card"
          >
            {group.ledgers.map((ledger) => (
              <a key={ledger.key} href={hrefOf({ name: 'ledger', key: ledger.key })} className="count-line">
                <span>{ledger.label}</span>
                <span className="count-number">{formatCount(ledger.count)}</span>
              </a>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
