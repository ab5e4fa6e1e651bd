import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FieldRowEditor } from './FieldRowEditor.js';
import type { TypeDraftEditor } from './useTypeDraft.js';

interface Props {
  editor: TypeDraftEditor;
  /** Problems by row id, shown once the user has tried to save. */
  problems: Record<string, string>;
  editingSaved: boolean;
}

/** Saved fields taken out of the list, to be archived on save; 撤销 puts one back. */
function PendingArchive({ editor }: { editor: TypeDraftEditor }) {
  if (editor.removed.length === 0) return null;
  return (
    <div className="pending-archive" role="status">
      <Typography.Text type="secondary">保存后移入已归档字段（已填的内容保留，可随时恢复）：</Typography.Text>
      {editor.removed.map(({ field }) => (
        <span key={field.id} className="pending-archive-item">
          {field.label}
          <Button type="link" size="small" onClick={() => editor.undoRemove(field.id)}>
            撤销
          </Button>
        </span>
      ))}
    </div>
  );
}

/** The type's fields in order, each editable in place, with a button to add one more. */
export function FieldListEditor({ editor, problems, editingSaved }: Props) {
  const { fields } = editor.draft;
  return (
    <Flex vertical gap={8}>
      <div className="field-row field-row-head" aria-hidden>
        <span>序号</span>
        <span>字段名称</span>
        <span>类型</span>
        <span>必填</span>
        <span>选项 / 说明</span>
        <span>顺序与删除</span>
      </div>
      {fields.map((field, index) => (
        <FieldRowEditor
          key={field.id}
          field={field}
          index={index}
          count={fields.length}
          problem={problems[field.id]}
          editingSaved={editingSaved}
          onChange={(change) => editor.updateField(field.id, change)}
          onMove={(by) => editor.moveField(field.id, by)}
          onRemove={() => editor.removeField(field.id)}
        />
      ))}
      <div>
        <Button icon={<PlusOutlined aria-hidden />} onClick={editor.addField}>
          添加字段
        </Button>
      </div>
      <PendingArchive editor={editor} />
    </Flex>
  );
}
