import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex } from 'antd';
import { TypeBasicsForm } from './TypeBasicsForm.js';
import { FieldListEditor } from './FieldListEditor.js';
import { checkDraft } from './typeDraft.js';
import type { TypeDraftEditor } from './useTypeDraft.js';

interface Props {
  editor: TypeDraftEditor;
  editingSaved: boolean;
  saving: boolean;
  saveLabel: string;
  /** What went wrong on the last save, said above the buttons. */
  problem?: ReactNode;
  cancelHref: string;
  onSave(): void;
}

/** The editor's two parts, the type's basics and its fields, with the save button under them. */
export function TypeEditorForm({ editor, editingSaved, saving, saveLabel, problem, cancelHref, onSave }: Props) {
  const [tried, setTried] = useState(false);
  const problems = useMemo(() => checkDraft(editor.draft), [editor.draft]);

  const save = () => {
    setTried(true);
    if (problems.count === 0) onSave();
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="基本信息">
        <TypeBasicsForm
          draft={editor.draft}
          labelProblem={problems.label}
          showProblems={tried}
          onChange={editor.setBasics}
        />
      </Card>
      <Card size="small" title={`字段（${editor.draft.fields.length} 个）`} className="type-fields-card">
        <FieldListEditor editor={editor} problems={tried ? problems.fields : {}} editingSaved={editingSaved} />
      </Card>
      {tried && problems.count > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`还有 ${problems.count} 处需要修改后才能保存，见上方红字`}
          description={problems.general.length > 0 ? problems.general.join('；') : undefined}
        />
      )}
      {problem}
      <Flex gap={12} className="type-save-bar">
        <Button type="primary" loading={saving} onClick={save}>
          {saveLabel}
        </Button>
        <Button href={cancelHref}>取消</Button>
      </Flex>
    </Flex>
  );
}
