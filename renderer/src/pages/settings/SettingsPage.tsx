import { Card, Flex, Typography } from 'antd';
import { useApi } from '../../hooks/useApi.js';
import { hrefOf } from '../../routes.js';
import { UnitList } from './UnitList.js';
import { AddUnitForm } from './AddUnitForm.js';
import { OperatorCard } from './OperatorCard.js';

/** 设置: the ledger file in use, its 填报单位, and which one new records go to. */
export function SettingsPage() {
  const info = useApi('app.info', {});
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
      <Card title="台账文件" className="settings-card">
        <Typography.Paragraph>
          正在使用：
          <Typography.Text copyable data-testid="settings-ledger-file">
            {info.data?.dbFile ?? '—'}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          从备份恢复出的台账可在<a href={hrefOf({ name: 'archive' })}>归档与备份</a>
          中切换过去；原来的台账文件保留在原处。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
