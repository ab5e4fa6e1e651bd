import { Layout, Typography } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import { useUnits } from '../unit/UnitContext.js';
import { hrefOf } from '../routes.js';

/** The current 填报单位, always in view, since new records go to it. */
export function TopBar() {
  const { current } = useUnits();
  return (
    <Layout.Header className="shell-header">
      <BankOutlined aria-hidden />
      <Typography.Text type="secondary">当前填报单位：</Typography.Text>
      <Typography.Text strong data-testid="current-unit">
        {current?.name}
      </Typography.Text>
      <a href={hrefOf({ name: 'settings' })} className="shell-header-link">
        更换
      </a>
    </Layout.Header>
  );
}
