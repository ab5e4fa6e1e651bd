import { Layout, Typography } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useUnits } from '../unit/UnitContext.js';
import { hrefOf } from '../routes.js';
import { useOperator } from './operator/useOperator.js';
import { OperatorNameModal } from './operator/OperatorNameModal.js';
import './operator/operator.css';

/** The current 填报单位, always in view, since new records go to it; and who signs the changes. */
export function TopBar() {
  const { current } = useUnits();
  const operator = useOperator();
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
      {operator && (
        <span className="shell-header-operator">
          <UserOutlined aria-hidden />
          <Typography.Text type="secondary">操作人：</Typography.Text>
          <Typography.Text strong data-testid="current-operator">
            {operator.name}
          </Typography.Text>
        </span>
      )}
      <OperatorNameModal />
    </Layout.Header>
  );
}
