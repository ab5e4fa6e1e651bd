import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Tag } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call, errorMessage } from '../../api.js';
import { hrefOf } from '../../routes.js';
import { FIELD_TYPE_NAMES } from './fieldTypeNames.js';

function choicesText(field: FieldDefinition): string {
  if (field.type !== 'enum') return '';
  return `${(field.choices ?? []).join('、')}${field.extensible ? '（可填其他）' : ''}`;
}

/** A copy of any type, opened in the editor; the original and its records stay as they are. */
export function CopyTypeButton({ definition, primary }: { definition: LedgerDefinition; primary?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    setBusy(true);
    try {
      const created = await call('ledgerTypes.copy', { key: definition.key });
      void message.success(`已复制为新台账“${created.label}”，可以修改它的字段了`);
      window.location.hash = hrefOf({ name: 'ledger-type', key: created.key });
    } catch (error) {
      void message.error(`复制“${definition.label}”失败：${errorMessage(error)}`);
      setBusy(false);
    }
  };
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<CopyOutlined aria-hidden />}
      loading={busy}
      onClick={() => void copy()}
    >
      复制为新台账
    </Button>
  );
}

/** A built-in type, shown as the notices define it: its fields can be read and copied, not changed. */
export function BuiltinTypeView({ definition }: { definition: LedgerDefinition }) {
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="这是内置台账，字段按通知要求设定，不能直接修改"
        description="如需增减或调整字段，请“复制为新台账”，在副本上修改；原台账和它的记录不受影响。"
        action={<CopyTypeButton definition={definition} primary />}
      />
      <Card size="small" title={`字段（${definition.fields.length} 个）`}>
        <Table<FieldDefinition>
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          dataSource={definition.fields}
          columns={[
            { key: 'seq', title: '序号', width: 64, align: 'center', render: (_, __, i) => i + 1 },
            { key: 'label', title: '字段名称', width: 200, dataIndex: 'label' },
            { key: 'type', title: '类型', width: 120, render: (_, f) => FIELD_TYPE_NAMES[f.type].name },
            {
              key: 'required',
              title: '必填',
              width: 80,
              align: 'center',
              render: (_, f) => (f.required ? <Tag color="red">必填</Tag> : null),
            },
            { key: 'choices', title: '选项', render: (_, f) => choicesText(f) },
          ]}
        />
      </Card>
    </Flex>
  );
}
