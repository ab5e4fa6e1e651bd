import { Card, Flex, Typography } from 'antd';
import { UnitList } from './UnitList.js';
import { AddUnitForm } from './AddUnitForm.js';
import { OperatorCard } from './OperatorCard.js';

/** 设置: the ledger file's 填报单位, and which one new records go to. */
export function SettingsPage() {
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} className="page-title">
        设置
      </Typography.Title>
      <Card title="填报单位" className="settings-card">
        <Typography.Paragraph type="secondary">
          新录入的记录归入“当前”单位；县教育局汇总多所学校时，可在这里添加各校并切换。
        </Typography.Paragraph>
        <UnitList />
        <AddUnitForm />
      </Card>
      <OperatorCard />
    </Flex>
  );
}
