import { Alert, Descriptions, Flex, Select } from 'antd';
import { formatCount } from '../../format.js';
import type { ImportPreview } from './importRequest.js';

interface Props {
  preview: ImportPreview;
  /** The user chose to import the duplicate rows too. */
  withDuplicates: boolean;
  onSheet(sheet: string): void;
}

function rowsText(rows: number[]): string {
  if (rows.length === 0) return '—';
  return rows.length === 1 ? `第 ${rows[0]} 行` : `第 ${rows[0]}–${rows[rows.length - 1]} 行`;
}

function CountTile({ kind, label, value, unit }: { kind: string; label: string; value: number; unit: string }) {
  return (
    <div className={`import-count import-count-${kind}`} data-count={kind}>
      <div className="import-count-label">{label}</div>
      <div className="import-count-value">
        {formatCount(value)} <span className="import-count-unit">{unit}</span>
      </div>
    </div>
  );
}

/** Where the header was found, what the rows below it come to, and what stops the import. */
export function PreviewSummary({ preview, withDuplicates, onSheet }: Props) {
  const { counts } = preview;
  const passed = counts.blank + counts.totals + counts.footer + counts.repeatedHeader;
  const passedParts = [
    [counts.blank, '空行'],
    [counts.totals, '合计行'],
    [counts.footer, '表尾行'],
    [counts.repeatedHeader, '重复的表头'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, what]) => `${what} ${n} 行`);
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={3} className="import-source">
        <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label="工作表">
          {preview.sheets.length > 1 ? (
            <Select
              aria-label="工作表"
              value={preview.sheet}
              options={preview.sheets.map((s) => ({ value: s, label: s }))}
              onChange={onSheet}
              className="import-sheet"
            />
          ) : (
            preview.sheet
          )}
        </Descriptions.Item>
        <Descriptions.Item label="表头">{rowsText(preview.headerRows)}</Descriptions.Item>
      </Descriptions>
      <Flex gap={12} wrap>
        <CountTile kind="ok" label="可导入" value={counts.toImport} unit="条" />
        <CountTile
          kind="duplicate"
          label={withDuplicates ? '重复，也将导入' : '重复，将跳过'}
          value={counts.duplicates}
          unit="条"
        />
        <CountTile kind="rejected" label="有误，不导入" value={counts.rejected} unit="行" />
        {counts.conflicts > 0 && (
          <CountTile kind="conflict" label="身份证号冲突，不导入" value={counts.conflicts} unit="行" />
        )}
        <CountTile kind="passed" label="已略过" value={passed} unit="行" />
      </Flex>
      {passedParts.length > 0 && (
        <div className="import-passed-note">{`已略过${passedParts.join('、')}：这些不是记录，不导入。`}</div>
      )}
      {preview.blocking.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="以下问题解决前不能导入"
          description={
            <ul className="import-messages">
              {preview.blocking.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="请留意"
          description={
            <ul className="import-messages">
              {preview.warnings.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
