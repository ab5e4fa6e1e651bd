import { useState } from 'react';
import { Alert, Card, Descriptions, Flex, Select, Table, Typography } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import { HEADER_FILE_MAX_BYTES } from '../../../../shared/ledger-type-draft.js';
import { call, errorMessage } from '../../api.js';
import { XlsxFilePicker } from '../../components/XlsxFilePicker.js';
import type { PickedXlsx } from '../../components/xlsxFiles.js';
import { draftFromProposal, type EditorDraft } from './typeDraft.js';

type Proposal = ApiOutput<'ledgerTypes.fromXlsxHeader'>;

const PANEL_NOTE =
  '选择一份已有的台账表格（.xlsx），按它的表头生成字段：表头上方的标题行、“附件”“填报单位”等行会略过，' +
  '各列的类型按栏目名称和下面几行数据推测。生成后请在下方核对、调整，再保存。';

/** The first rows under the header, one column per proposed field, as read from the file. */
function SampleRows({ proposal }: { proposal: Proposal }) {
  if (proposal.sampleRows.length === 0) {
    return <Typography.Text type="secondary">表头下面还没有数据行，字段类型只按栏目名称推测。</Typography.Text>;
  }
  const labels = proposal.draft.fields.map((f) => f.label);
  return (
    <Table<{ n: number; cells: string[] }>
      size="small"
      bordered
      pagination={false}
      className="proposal-samples"
      title={() => `表头下的前 ${proposal.sampleRows.length} 行数据`}
      rowKey="n"
      scroll={{ x: 'max-content' }}
      dataSource={proposal.sampleRows.map((cells, n) => ({ n, cells }))}
      columns={labels.map((label, i) => ({
        key: String(i),
        title: label,
        ellipsis: true,
        render: (_: unknown, row: { cells: string[] }) => row.cells[i] ?? '',
      }))}
    />
  );
}

function ProposalSummary({ proposal, onSheet }: { proposal: Proposal; onSheet(index: number): void }) {
  return (
    <Descriptions size="small" column={2} bordered className="proposal-summary">
      <Descriptions.Item label="工作表">
        {proposal.sheets.length > 1 ? (
          <Select
            aria-label="工作表"
            value={proposal.sheet}
            options={proposal.sheets.map((name, index) => ({ value: index, label: name }))}
            onChange={onSheet}
            className="proposal-sheet"
          />
        ) : (
          proposal.sheetName
        )}
      </Descriptions.Item>
      <Descriptions.Item label="表头">第 {proposal.headerRow} 行</Descriptions.Item>
      <Descriptions.Item label="标题">
        {proposal.title ? `${proposal.title}（已作为台账名称）` : '没有标题行，以工作表名称作为台账名称'}
      </Descriptions.Item>
      <Descriptions.Item label="字段">
        识别出 {proposal.draft.fields.length} 个字段；“序号”列由系统生成，不作为字段
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 从 Excel 表头新建: reads the header of a picked .xlsx and hands the proposed type to the editor. */
export function XlsxHeaderPanel({ onProposal }: { onProposal(draft: EditorDraft): void }) {
  const [file, setFile] = useState<PickedXlsx | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const propose = async (picked: PickedXlsx, sheet: number) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await call('ledgerTypes.fromXlsxHeader', { data: picked.data, fileName: picked.name, sheet });
      setFile(picked);
      setProposal(next);
      onProposal(draftFromProposal(next.draft, next.sampleRows));
    } catch (error) {
      setProblem(`读取“${picked.name}”的表头失败：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="从 Excel 表头新建" className="xlsx-header-panel">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{PANEL_NOTE}</Typography.Text>
        <XlsxFilePicker
          label="选择 Excel 文件"
          maxBytes={HEADER_FILE_MAX_BYTES}
          picked={file}
          disabled={busy}
          onPick={(picked) => void propose(picked, 0)}
          onProblem={setProblem}
        />
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        {proposal && file && (
          <>
            <ProposalSummary proposal={proposal} onSheet={(sheet) => void propose(file, sheet)} />
            <SampleRows proposal={proposal} />
          </>
        )}
      </Flex>
    </Card>
  );
}
