import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Checkbox, Flex, Result, Skeleton, Spin, Typography } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { IMPORT_FILE_MAX_BYTES } from '../../../../shared/import-api.js';
import { ApiError } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';
import { hrefOf } from '../../routes.js';
import { useUnits } from '../../unit/UnitContext.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { XlsxFilePicker } from '../../components/XlsxFilePicker.js';
import type { PickedXlsx } from '../../components/xlsxFiles.js';
import { ColumnMapping } from './ColumnMapping.js';
import { ImportOutcomeView } from './ImportOutcomeView.js';
import { PreviewRows } from './PreviewRows.js';
import { PreviewSummary } from './PreviewSummary.js';
import { RejectedDownloadButton } from './RejectedDownloadButton.js';
import { ImportProgressView } from './ImportProgressView.js';
import { importRequest, type ColumnChoices, type FillChoices } from './importRequest.js';
import { useImportJob } from './useImportJob.js';
import { useImportPreview } from './useImportPreview.js';
import { useOpenedFile } from './useOpenedFile.js';
import './import.css';

/** Pick a file, check the preview and the column choices, then import the good rows in one go. */
function ImportWorkspace({ definition }: { definition: LedgerDefinition }) {
  const { current } = useUnits();
  const [file, setFile] = useState<PickedXlsx | null>(null);
  const [sheet, setSheet] = useState<string>();
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [fill, setFill] = useState<FillChoices>({});
  const [pickProblem, setPickProblem] = useState<string>();
  // Rows that match a record already there (by the ledger's key fields) are skipped unless the user says so.
  const [withDuplicates, setWithDuplicates] = useState(false);
  const job = useImportJob();
  const phase = job.state.phase;
  const committing = phase === 'starting' || phase === 'running' || phase === 'cancelling';
  const opened = useOpenedFile(file);
  const { fileId } = opened;
  const request = useMemo(
    () => (fileId ? importRequest(definition.key, fileId, sheet, choices, fill) : null),
    [definition.key, fileId, sheet, choices, fill],
  );
  const previewed = useImportPreview(request);
  const { preview } = previewed;
  const loading = opened.loading || previewed.loading;
  const error = opened.error ?? previewed.error;
  const ledgerHref = hrefOf({ name: 'ledger', key: definition.key });

  const start = (picked: PickedXlsx | null) => {
    setFile(picked);
    setSheet(undefined);
    setChoices({});
    setFill({});
    setPickProblem(undefined);
    setWithDuplicates(false);
    job.reset();
  };

  // A field a column now feeds needs no value for every row: the column's values win.
  const choose = (header: string, field: string | null) => {
    setChoices((c) => ({ ...c, [header]: field }));
    if (field !== null) {
      setFill((f) => {
        if (!Object.hasOwn(f, field)) return f;
        const rest = { ...f };
        delete rest[field];
        return rest;
      });
    }
  };

  const commit = () => {
    if (request && preview) void job.start({ ...request, allowDuplicates: withDuplicates });
  };

  if (job.state.phase === 'done' && request && preview) {
    const { outcome } = job.state;
    return (
      <Card size="small">
        <ImportOutcomeView
          outcome={outcome}
          sheet={preview.sheet}
          ledgerHref={ledgerHref}
          download={
            <RejectedDownloadButton request={request} count={outcome.rejected.length + outcome.conflicts.length} />
          }
          onAnother={() => start(null)}
        />
      </Card>
    );
  }
  const commitProblem =
    job.state.phase === 'failed'
      ? `导入失败，没有写入任何记录：${job.state.message}`
      : job.state.phase === 'cancelled'
        ? '已取消导入，没有写入任何记录。'
        : undefined;

  const toImport = preview ? preview.counts.toImport + (withDuplicates ? preview.counts.duplicates : 0) : 0;
  const canImport = preview !== null && !loading && preview.blocking.length === 0 && toImport > 0;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="选择文件">
        <Flex vertical gap={10}>
          <Typography.Text type="secondary">
            {`选择要导入“${definition.label}”的 Excel 表格（.xlsx）。表头上方的标题、“填报单位”等行和表格下方的合计、` +
              `填表人等行会自动略过；导入的记录归入当前填报单位“${current?.name ?? ''}”。`}
          </Typography.Text>
          <XlsxFilePicker
            label="选择 Excel 文件"
            maxBytes={IMPORT_FILE_MAX_BYTES}
            picked={file}
            disabled={loading || committing}
            onPick={start}
            onProblem={setPickProblem}
          />
          {pickProblem && <Alert type="error" showIcon role="alert" title={pickProblem} />}
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon role="alert" title="无法读取这个文件" description={error.message} />}
      {loading && !preview && <Spin tip="正在逐行检查…" className="import-spin" />}
      {preview && request && (
        <Spin spinning={loading} tip="正在按新的对应关系重新检查…">
          <Flex vertical gap={16}>
            <Card size="small" title="表头与字段">
              <Flex vertical gap={12}>
                <PreviewSummary preview={preview} withDuplicates={withDuplicates} onSheet={setSheet} />
                <ColumnMapping
                  key={`${preview.fileName}!${preview.sheet}`}
                  open={preview.blocking.length > 0 || preview.columns.some((c) => c.how === 'unmatched')}
                  definition={definition}
                  columns={preview.columns}
                  onChoose={choose}
                  fill={preview.fill}
                  onFill={(field, value) => setFill((f) => (f[field] === value ? f : { ...f, [field]: value }))}
                />
              </Flex>
            </Card>
            <Card size="small" title="逐行检查结果">
              <PreviewRows definition={definition} preview={preview} />
            </Card>
            {commitProblem && (
              <Alert
                type={job.state.phase === 'cancelled' ? 'info' : 'error'}
                showIcon
                role="alert"
                title={commitProblem}
              />
            )}
            {job.state.phase === 'starting' || job.state.phase === 'running' || job.state.phase === 'cancelling' ? (
              <ImportProgressView state={job.state} toImport={toImport} onCancel={() => void job.cancel()} />
            ) : (
              <Flex gap={12} align="center" className="import-actions">
                <Button type="primary" disabled={!canImport} onClick={commit}>
                  导入 {toImport} 条
                </Button>
                {preview.counts.duplicates > 0 && (
                  <Checkbox checked={withDuplicates} onChange={(e) => setWithDuplicates(e.target.checked)}>
                    重复的 {preview.counts.duplicates} 条也导入
                  </Checkbox>
                )}
                {preview.counts.rejected + preview.counts.conflicts > 0 && (
                  <RejectedDownloadButton
                    request={request}
                    count={preview.counts.rejected + preview.counts.conflicts}
                  />
                )}
                <Button href={ledgerHref}>取消</Button>
              </Flex>
            )}
          </Flex>
        </Spin>
      )}
    </Flex>
  );
}

/** #/ledgers/<key>/import: rows of an .xlsx into one ledger. */
export function ImportPage({ ledgerKey }: { ledgerKey: string }) {
  const { data: definition, error, reload } = useApi('ledgers.get', { key: ledgerKey });
  if (error && !definition) {
    return error instanceof ApiError && error.code === 'not-found' ? (
      <Result status="404" title="台账不存在" subTitle={error.message} />
    ) : (
      <LoadProblem what={`打开台账“${ledgerKey}”`} error={error} onRetry={reload} />
    );
  }
  if (!definition) return <Skeleton active />;
  const ledgerHref = hrefOf({ name: 'ledger', key: definition.key });
  return (
    <Flex vertical gap={12} className="import-page">
      <Breadcrumb
        items={[
          { title: <a href={hrefOf({ name: 'ledgers' })}>台账</a> },
          { title: <a href={ledgerHref}>{definition.label}</a> },
          { title: '从 Excel 导入' },
        ]}
      />
      <Typography.Title level={3} className="page-title">
        从 Excel 导入{definition.label}
      </Typography.Title>
      <ImportWorkspace definition={definition} />
    </Flex>
  );
}
