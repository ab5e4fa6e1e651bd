import { useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useUnits } from '../../unit/UnitContext.js';
import { defaultExportTitle } from './exportDefaults.js';
import { choicesProblem, exportRequest, type ExportChoices, type ExportScope } from './exportChoices.js';
import { ExportOptionsForm } from './ExportOptionsForm.js';
import { ExportProgressView } from './ExportProgressView.js';
import { useExportJob } from './useExportJob.js';
import './export.css';

interface Props {
  definition: LedgerDefinition;
  scope: ExportScope;
  /** The unit the grid shows; the current unit when it shows all of them. */
  unitId?: number;
  onClose(): void;
}

/**
 * 导出 Excel: the choices for an attachment table, then a progress bar with 取消 while the core
 * writes it, then the file saved (desktop) or downloaded (browser). Closing stops the export.
 */
export function ExportDialog({ definition, scope, unitId, onClose }: Props) {
  const { units, current } = useUnits();
  const [choices, setChoices] = useState<ExportChoices>({
    maskId: false,
    unitId: unitId ?? current?.id,
    bundle: false,
    others: [],
  });
  const job = useExportJob();
  const unitName = units.find((u) => u.id === choices.unitId)?.name ?? '';
  const defaultTitle = defaultExportTitle({ period: scope.period, unitName, ledgerLabel: definition.label });
  const problem = choicesProblem(choices);
  const phase = job.state.phase;
  const editing = phase === 'idle';
  const busy = phase === 'starting' || phase === 'running' || phase === 'saving' || phase === 'cancelling';

  const start = () => void job.start(exportRequest(definition.key, scope, choices, defaultTitle));

  const footer = editing
    ? [
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="start" type="primary" disabled={problem !== null} onClick={start}>
          开始导出
        </Button>,
      ]
    : busy
      ? [
          <Button
            key="cancel"
            danger
            disabled={phase !== 'running' && phase !== 'starting'}
            onClick={() => void job.cancel()}
          >
            取消
          </Button>,
        ]
      : [
          ...(phase === 'cancelled' || phase === 'failed'
            ? [
                <Button key="again" onClick={job.reset}>
                  返回设置
                </Button>,
              ]
            : []),
          ...(phase === 'unsaved' || (job.state.phase === 'failed' && job.state.canSave)
            ? [
                <Button key="save" type="primary" onClick={() => void job.saveAgain()}>
                  保存…
                </Button>,
              ]
            : []),
          <Button key="close" type={phase === 'unsaved' ? 'default' : 'primary'} onClick={onClose}>
            关闭
          </Button>,
        ];

  return (
    <Modal
      open
      title={`导出 Excel：${definition.label}`}
      width={640}
      footer={footer}
      onCancel={onClose}
      mask={{ closable: false }}
      closable={!busy}
      keyboard={!busy}
      className="export-dialog"
    >
      {editing ? (
        <>
          <ExportOptionsForm
            definition={definition}
            scope={scope}
            choices={choices}
            defaultTitle={defaultTitle}
            onChange={(change) => setChoices((c) => ({ ...c, ...change }))}
          />
          {problem && <Alert type="info" showIcon title={problem} className="export-problem" />}
        </>
      ) : (
        <ExportProgressView state={job.state} />
      )}
    </Modal>
  );
}
