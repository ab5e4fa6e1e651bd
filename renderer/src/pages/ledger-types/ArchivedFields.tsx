import { useState } from 'react';
import { App, Button, Card, Flex, Input, List, Typography } from 'antd';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { FIELD_TYPE_NAMES } from './fieldTypeNames.js';

interface Props {
  definition: LedgerDefinition;
  onRestored(definition: LedgerDefinition, field: FieldDefinition): void;
}

/** One archived field; when its name is taken meanwhile, asks for another before restoring. */
function ArchivedField({ definition, field, onRestored }: Props & { field: FieldDefinition }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [newLabel, setNewLabel] = useState<string | null>(null);
  const [problem, setProblem] = useState<string>();

  const restore = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const label = newLabel?.trim() || undefined;
      const next = await call('ledgerTypes.restoreField', { key: definition.key, field: field.key, label });
      const restored = next.fields.find((f) => f.key === field.key)!;
      void message.success(`已恢复字段“${restored.label}”，原有内容一并恢复`);
      onRestored(next, restored);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && newLabel === null)
        setNewLabel(`${field.label}（恢复）`);
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <List.Item>
      <Flex vertical gap={6} className="archived-field">
        <Flex align="center" gap={12}>
          <Typography.Text strong>{field.label}</Typography.Text>
          <Typography.Text type="secondary">{FIELD_TYPE_NAMES[field.type].name}</Typography.Text>
          {newLabel !== null && (
            <Input
              aria-label={`恢复“${field.label}”时使用的名称`}
              value={newLabel}
              maxLength={40}
              className="archived-field-rename"
              onChange={(e) => setNewLabel(e.target.value)}
            />
          )}
          <Button size="small" loading={busy} onClick={() => void restore()} aria-label={`恢复“${field.label}”`}>
            恢复
          </Button>
        </Flex>
        {problem && (
          <Typography.Text type="danger" role="alert">
            {problem}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}

/** Fields removed from the type: their values are kept, and 恢复 brings a field back with them. */
export function ArchivedFields({ definition, onRestored }: Props) {
  const archived = definition.archivedFields ?? [];
  if (archived.length === 0) return null;
  return (
    <Card size="small" title={`已归档字段（${archived.length} 个）`}>
      <Typography.Paragraph type="secondary" className="archived-fields-note">
        移除的字段不再显示、校验和导出，但记录中已填的内容都保留着；恢复后字段回到列表末尾，内容随之回来。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={archived}
        rowKey="key"
        renderItem={(field) => <ArchivedField definition={definition} field={field} onRestored={onRestored} />}
      />
    </Card>
  );
}
