import { Breadcrumb, Button, Flex, Tag, Typography } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { hrefOf } from '../../routes.js';
import { CopyTypeButton } from './BuiltinTypeView.js';

/** Where the user is (台账 › the ledger › its fields), the type's name, and a way back to its records. */
export function TypeHeading({ definition, builtin }: { definition: LedgerDefinition; builtin: boolean }) {
  return (
    <>
      <Breadcrumb
        items={[
          { title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> },
          { title: <a href={hrefOf({ name: 'ledger', key: definition.key })}>{definition.label}</a> },
          { title: builtin ? '台账字段' : '编辑台账类型' },
        ]}
      />
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} className="page-title">
          {builtin ? `${definition.label}的字段` : `编辑台账类型：${definition.label}`}
        </Typography.Title>
        <Tag color={builtin ? 'default' : 'blue'}>{builtin ? '内置' : '自定义'}</Tag>
        <Flex gap={8} className="type-heading-actions">
          <Button href={hrefOf({ name: 'ledger', key: definition.key })}>打开台账</Button>
          {!builtin && <CopyTypeButton definition={definition} />}
        </Flex>
      </Flex>
    </>
  );
}
