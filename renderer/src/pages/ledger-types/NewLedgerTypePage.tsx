import { useState } from 'react';
import { Alert, App, Breadcrumb, Flex, Typography } from 'antd';
import { call, errorMessage } from '../../api.js';
import { hrefOf } from '../../routes.js';
import { TypeEditorForm } from './TypeEditorForm.js';
import { XlsxHeaderPanel } from './XlsxHeaderPanel.js';
import { blankDraft, toTypeDraft } from './typeDraft.js';
import { useTypeDraft } from './useTypeDraft.js';
import './ledger-types.css';

/** 新建台账类型: from scratch, or from the header of an .xlsx, then adjusted and saved. */
export function NewLedgerTypePage() {
  const { message } = App.useApp();
  const editor = useTypeDraft(blankDraft);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      const created = await call('ledgerTypes.create', { draft: toTypeDraft(editor.draft) });
      void message.success(`已新建台账“${created.label}”，可以开始录入记录了`);
      window.location.hash = hrefOf({ name: 'ledger', key: created.key });
    } catch (error) {
      setProblem(`保存失败：${errorMessage(error)}`);
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16} className="type-editor-page">
      <Breadcrumb items={[{ title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> }, { title: '新建台账类型' }]} />
      <Typography.Title level={3} className="page-title">
        新建台账类型
      </Typography.Title>
      <XlsxHeaderPanel onProposal={editor.reset} />
      <TypeEditorForm
        editor={editor}
        editingSaved={false}
        saving={saving}
        saveLabel="保存并新建台账"
        problem={problem && <Alert type="error" showIcon role="alert" title={problem} />}
        cancelHref={hrefOf({ name: 'ledgers' })}
        onSave={() => void save()}
      />
    </Flex>
  );
}
