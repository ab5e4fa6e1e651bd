import { useState } from 'react';
import { Alert, Form, Modal, Radio, Select } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { validateField } from '../../../../shared/validation.js';
import { call, errorMessage } from '../../api.js';
import { FieldInput, type RawValue } from '../../components/fieldInputs.js';
import { formatCount } from '../../format.js';
import { editableFields, filterInput, type LedgerView } from '../../records.js';
import type { Edit } from '../../components/grid/useEditHistory.js';
import { useConfirmNewChoices } from '../../components/useConfirmNewChoices.js';

interface Props {
  definition: LedgerDefinition;
  view: LedgerView;
  selectedIds: number[];
  /** Records of the whole view. */
  total: number;
  onClose(): void;
  /** `updated` records changed of `matched` the edit applied to (the others held the value already). */
  onDone(edit: Edit, updated: number, matched: number): void;
}

/** 批量修改: one field set to one value on the selected rows or the whole view, in one audited batch. */
export function BulkEditDialog({ definition, view, selectedIds, total, onClose, onDone }: Props) {
  const fields = editableFields(definition);
  const confirmNewChoices = useConfirmNewChoices(definition);
  const [scope, setScope] = useState<'selected' | 'view'>(selectedIds.length ? 'selected' : 'view');
  const [fieldKey, setFieldKey] = useState<string>();
  const [value, setValue] = useState<RawValue>(null);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const field = fields.find((f) => f.key === fieldKey);
  const outcome = field ? validateField(field, value) : null;
  const error = outcome && 'error' in outcome ? outcome.error : undefined;
  const count = scope === 'selected' ? selectedIds.length : total;

  const apply = async () => {
    setTouched(true);
    if (!field) {
      setProblem('请选择要修改的字段');
      return;
    }
    if (error) return;
    if (!(await confirmNewChoices({ [field.key]: value }))) return;
    const target = scope === 'selected' ? { ids: selectedIds } : { filter: filterInput(definition, view) };
    // Asked above: a value that adds a choice goes through only once the user agreed.
    const run = () =>
      call('records.bulkUpdate', { ledger: definition.key, target, field: field.key, value, acceptNewChoice: true });
    setSaving(true);
    try {
      const answer = await run();
      const ids = answer.ids;
      onDone(
        {
          kind: 'batch',
          batch: answer.batch,
          label: `批量修改${field.label}`,
          redo: async () =>
            (
              await call('records.bulkUpdate', {
                ledger: definition.key,
                target: { ids },
                field: field.key,
                value,
                acceptNewChoice: true,
              })
            ).batch,
        },
        answer.updated,
        ids.length,
      );
    } catch (failure) {
      setProblem(`批量修改失败：${errorMessage(failure)}`);
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="批量修改"
      okText={`修改 ${formatCount(count)} 条记录`}
      cancelText="取消"
      okButtonProps={{ disabled: count === 0 }}
      confirmLoading={saving}
      onOk={() => void apply()}
      onCancel={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label="修改范围">
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'selected' | 'view')}>
            <Radio value="selected" disabled={selectedIds.length === 0}>
              已选的 {formatCount(selectedIds.length)} 条
            </Radio>
            <Radio value="view">当前筛选的全部 {formatCount(total)} 条</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="字段" htmlFor="bulk-field" required>
          <Select
            id="bulk-field"
            aria-label="字段"
            placeholder="请选择要修改的字段，可输入字段名查找"
            showSearch={{ optionFilterProp: 'label' }}
            value={fieldKey}
            options={fields.map((f) => ({ value: f.key, label: f.label }))}
            onChange={(key: string) => {
              setFieldKey(key);
              setValue(null);
              setTouched(false);
              setProblem(undefined);
            }}
          />
        </Form.Item>
        {field && (
          <Form.Item
            label={`改为（${field.label}）`}
            htmlFor="bulk-value"
            validateStatus={touched && error ? 'error' : undefined}
            help={touched ? error : '留空则清空这一栏'}
          >
            <FieldInput
              id="bulk-value"
              field={field}
              value={value}
              invalid={touched && error !== undefined}
              onChange={(next) => {
                setValue(next);
                setTouched(true);
              }}
            />
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
