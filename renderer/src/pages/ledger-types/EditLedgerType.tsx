import { useState } from 'react';
import { Alert, App, Flex } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { call, errorMessage } from '../../api.js';
import { hrefOf } from '../../routes.js';
import { ArchivedFields } from './ArchivedFields.js';
import { TypeConflicts } from './TypeConflicts.js';
import { TypeHeading } from './TypeHeading.js';
import { TypeEditorForm } from './TypeEditorForm.js';
import { draftFromDefinition, fieldFromDefinition, toTypeDraft } from './typeDraft.js';
import { useTypeDraft } from './useTypeDraft.js';

type Refused = Extract<ApiOutput<'ledgerTypes.update'>, { applied: false }>;

/**
 * A user-defined type in the editor. Saving applies every change at once, or, when stored values
 * would not fit a changed field, nothing, and lists those values.
 */
export function EditLedgerType({ saved: initial }: { saved: LedgerDefinition }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(initial);
  const editor = useTypeDraft(() => draftFromDefinition(initial));
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    setRefused(null);
    try {
      const outcome = await call('ledgerTypes.update', { key: saved.key, draft: toTypeDraft(editor.draft) });
      if (outcome.applied) {
        setSaved(outcome.definition);
        editor.reset(draftFromDefinition(outcome.definition));
        void message.success(`已保存台账类型“${outcome.definition.label}”`);
      } else {
        setRefused(outcome);
      }
    } catch (error) {
      setProblem(`保存失败：${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const problemNode = refused ? (
    <TypeConflicts conflicts={refused.conflicts} count={refused.conflictCount} definition={saved} />
  ) : (
    problem && <Alert type="error" showIcon role="alert" title={problem} />
  );

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={12}>
        <TypeHeading definition={saved} builtin={false} />
      </Flex>
      <TypeEditorForm
        editor={editor}
        editingSaved
        saving={saving}
        saveLabel="保存修改"
        problem={problemNode}
        cancelHref={hrefOf({ name: 'ledger', key: saved.key })}
        onSave={() => void save()}
      />
      <ArchivedFields
        definition={saved}
        onRestored={(next, field) => {
          setSaved(next);
          editor.append(fieldFromDefinition(field));
        }}
      />
    </Flex>
  );
}
