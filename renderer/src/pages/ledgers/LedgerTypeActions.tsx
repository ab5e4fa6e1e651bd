import type { ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { ImportOutlined, SettingOutlined } from '@ant-design/icons';
import { useApi } from '../../hooks/useApi.js';
import { hrefOf } from '../../routes.js';
import './LedgerTypeActions.css';

/**
 * Beside a ledger's title: what the page's other buttons (`children`: export, print, log), import
 * rows from Excel, and open its type (editable, or read-only when built in).
 */
export function LedgerTypeActions({ ledgerKey, children }: { ledgerKey: string; children?: ReactNode }) {
  const { data } = useApi('ledgers.list', {});
  const builtin = data?.find((l) => l.key === ledgerKey)?.builtin;
  return (
    <Flex gap={8} className="ledger-type-actions">
      {children}
      <Button icon={<ImportOutlined aria-hidden />} href={hrefOf({ name: 'ledger-import', key: ledgerKey })}>
        从 Excel 导入
      </Button>
      <Button icon={<SettingOutlined aria-hidden />} href={hrefOf({ name: 'ledger-type', key: ledgerKey })}>
        {builtin === false ? '编辑台账类型' : '查看字段'}
      </Button>
    </Flex>
  );
}
