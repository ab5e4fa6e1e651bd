import { Button, Checkbox, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { FieldType } from '../../../../shared/ledger-definition.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { FIELD_TYPE_NAMES, FIELD_TYPE_OPTIONS } from './fieldTypeNames.js';
import { withType, type EditorField } from './typeDraft.js';

interface Props {
  field: EditorField;
  index: number;
  count: number;
  problem?: string;
  /** Editing a saved type: fields without a key are marked as new. */
  editingSaved: boolean;
  onChange(change: (field: EditorField) => EditorField): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function Details({ field, invalid, onChange }: { field: EditorField; invalid: boolean } & Pick<Props, 'onChange'>) {
  if (field.type === 'enum') {
    return (
      <ChoicesEditor
        choices={field.choices}
        extensible={field.extensible}
        invalid={invalid}
        onChange={(choices, extensible) => onChange((f) => ({ ...f, choices, extensible }))}
      />
    );
  }
  if (field.samples.length > 0) {
    const shown = [...new Set(field.samples)].slice(0, 3).join('、');
    return (
      <Typography.Text type="secondary" ellipsis={{ tooltip: shown }} className="field-row-note">
        表中示例：{shown}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" className="field-row-note">
      {FIELD_TYPE_NAMES[field.type].hint}
    </Typography.Text>
  );
}

/** One field of the type being edited: name, type, 必填, choices, and its place in the list. */
export function FieldRowEditor({ field, index, count, problem, editingSaved, onChange, onMove, onRemove }: Props) {
  const retyped = field.key !== undefined && field.savedType !== undefined && field.savedType !== field.type;
  return (
    <div role="group" aria-label={`第 ${index + 1} 个字段`} className="field-row" data-field-key={field.key}>
      <div className="field-row-index">
        {index + 1}
        {editingSaved && !field.key && (
          <Tag color="green" className="field-row-new">
            新
          </Tag>
        )}
      </div>
      <Input
        aria-label="字段名称"
        value={field.label}
        maxLength={40}
        placeholder="字段名称，如 姓名"
        status={problem && !field.label.trim() ? 'error' : undefined}
        onChange={(e) => onChange((f) => ({ ...f, label: e.target.value }))}
      />
      <Select<FieldType>
        aria-label="字段类型"
        value={field.type}
        options={FIELD_TYPE_OPTIONS}
        popupMatchSelectWidth={false}
        listHeight={400}
        optionRender={(option) => (
          <span className="field-type-option">
            <span>{option.data.label}</span>
            <Typography.Text type="secondary">{option.data.hint}</Typography.Text>
          </span>
        )}
        onChange={(type) => onChange((f) => withType(f, type))}
      />
      <Checkbox
        checked={field.required}
        aria-label="必填"
        onChange={(e) => onChange((f) => ({ ...f, required: e.target.checked }))}
      >
        必填
      </Checkbox>
      <div className="field-row-details">
        <Details field={field} invalid={problem !== undefined && field.type === 'enum'} onChange={onChange} />
      </div>
      <div className="field-row-actions">
        <Tooltip title="上移">
          <Button
            type="text"
            aria-label="上移"
            icon={<ArrowUpOutlined aria-hidden />}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          />
        </Tooltip>
        <Tooltip title="下移">
          <Button
            type="text"
            aria-label="下移"
            icon={<ArrowDownOutlined aria-hidden />}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          />
        </Tooltip>
        <Tooltip title={field.key ? '移除：保存后归档，已填的内容保留，可随时恢复' : '删除'}>
          <Button type="text" danger aria-label="删除字段" icon={<DeleteOutlined aria-hidden />} onClick={onRemove} />
        </Tooltip>
      </div>
      {(problem || retyped) && (
        <div className="field-row-message">
          {problem ? (
            <Typography.Text type="danger" role="alert">
              {problem}
            </Typography.Text>
          ) : (
            <Typography.Text type="warning">
              {`类型由“${FIELD_TYPE_NAMES[field.savedType!].name}”改为“${FIELD_TYPE_NAMES[field.type].name}”：` +
                '保存时会逐条核对已有记录，有不符合的内容就列出来，台账不作任何修改'}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
