import { Layout, Typography } from 'antd';
import { BankOutlined, DatabaseOutlined, UserOutlined } from '@ant-design/icons';
import { useApi } from '../hooks/useApi.js';
import { useUnits } from '../unit/UnitContext.js';
import { hrefOf } from '../routes.js';
import { useOperator } from './operator/useOperator.js';
import { OperatorNameModal } from './operator/OperatorNameModal.js';
import './operator/operator.css';

/** The last part of a path, whichever separator the computer that runs the app uses. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/**
 * The current 填报单位, always in view, since new records go to it; the ledger file in use, since
 * the app can switch to a restored one; and who signs the changes.
 */
export function TopBar() {
  const { current } = useUnits();
  const operator = useOperator();
  const info = useApi('app.info', {});
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
      {info.data && (
        <span className="shell-header-file" title={info.data.dbFile}>
          <DatabaseOutlined aria-hidden />
          <Typography.Text type="secondary">台账文件：</Typography.Text>
          <Typography.Text data-testid="current-ledger-file">{fileName(info.data.dbFile)}</Typography.Text>
        </span>
      )}
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
