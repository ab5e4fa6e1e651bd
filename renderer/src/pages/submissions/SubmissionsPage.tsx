import { useState } from 'react';
import { Alert, Button, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Submission } from '../../../../shared/submission-api.js';
import type { ApiOutput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { NewSubmissionCard } from './NewSubmissionCard.js';
import { SubmissionFiles } from './SubmissionFiles.js';
import { UnlockButton } from './UnlockButton.js';
import './submissions.css';

type Check = ApiOutput<'submissions.verify'>['checks'][number];

const STATE: Record<Submission['state'], { label: string; color: string }> = {
  generating: { label: '生成中（已锁定）', color: 'processing' },
  locked: { label: '已锁定', color: 'blue' },
  unlocked: { label: '已解锁', color: 'default' },
  failed: { label: '未完成', color: 'error' },
};

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function CheckResult({ check }: { check: Check | undefined }) {
  if (!check) return <Typography.Text type="secondary">未核对</Typography.Text>;
  if (check.problems.length === 0) return <Tag color="success">{check.checked} 个文件一致</Tag>;
  return (
    <Flex vertical gap={2}>
      <Tag color="error">{check.problems.length} 个文件不符</Tag>
      {check.problems.map((p) => (
        <Typography.Text key={p} type="danger" className="submission-problem">
          {p}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** 报送记录: every submission with its files and lock, 新建报送, 解锁, and whether the files still match. */
export function SubmissionsPage() {
  const list = useApi('submissions.list', {});
  const [checks, setChecks] = useState<Map<number, Check>>(new Map());
  const [checking, setChecking] = useState<number | 'all'>();
  const [problem, setProblem] = useState<string>();
  const [made, setMade] = useState<Submission>();

  const verify = async (id?: number) => {
    setChecking(id ?? 'all');
    setProblem(undefined);
    try {
      const result = await call('submissions.verify', id === undefined ? {} : { id });
      setChecks((old) => new Map([...old, ...result.checks.map((c) => [c.id, c] as const)]));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setChecking(undefined);
    }
  };

  return (
    <Flex vertical gap={16} className="submissions-page">
      <Typography.Title level={3} className="page-title">
        报送记录
      </Typography.Title>
      <NewSubmissionCard
        onDone={(submission) => {
          setMade(submission);
          list.reload();
        }}
      />
      {made && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setMade(undefined)}
          title={`已报送 #${made.id}：${made.periodLabel}，${made.files.length} 个表格和报告文件`}
          description={<span className="submission-path">{made.zip ?? made.folder}</span>}
          data-testid="submission-made"
        />
      )}
      {list.error && <LoadProblem what="读取报送记录" error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Skeleton active paragraph={{ rows: 3 }} />}
      {list.data && (
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">共 {list.data.submissions.length} 次报送</Typography.Text>
            <Button
              onClick={() => void verify()}
              loading={checking === 'all'}
              disabled={list.data.submissions.length === 0}
            >
              核对全部文件
            </Button>
          </Flex>
          {problem && <Alert type="error" showIcon title="核对没有完成" description={problem} />}
          <Table<Submission>
            size="small"
            rowKey="id"
            aria-label="报送记录"
            dataSource={list.data.submissions}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有报送记录' }}
            expandable={{
              expandedRowRender: (s) => (
                <Flex vertical gap={8}>
                  <SubmissionFiles submission={s} />
                  {s.history.map((h) => (
                    <Typography.Text key={`${h.action}-${h.at}`} type="secondary">
                      {when(h.at)} {h.operator} {h.action === 'lock' ? '报送并锁定' : '解锁'}
                      {h.reason ? `：${h.reason}` : ''}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            }}
            columns={[
              { title: '编号', dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
              { title: '期间', dataIndex: 'periodLabel', width: 130 },
              {
                title: '台账（记录数）',
                key: 'ledgers',
                render: (_, s) =>
                  s.ledgers.map((l) => (
                    <div key={l.key}>
                      {l.label}
                      {l.records === null ? '' : `（${l.records} 条）`}
                    </div>
                  )),
              },
              {
                title: '报告',
                key: 'reports',
                render: (_, s) => (s.reports.length ? s.reports.map((r) => <div key={r.type}>{r.label}</div>) : '—'),
              },
              { title: '报送时间', dataIndex: 'createdAt', width: 150, render: when },
              { title: '报送人', dataIndex: 'operator', width: 100 },
              {
                title: '状态',
                dataIndex: 'state',
                width: 130,
                render: (state: Submission['state']) => <Tag color={STATE[state].color}>{STATE[state].label}</Tag>,
              },
              {
                title: '文件核对',
                key: 'check',
                width: 220,
                render: (_, s) => (s.files.length ? <CheckResult check={checks.get(s.id)} /> : '—'),
              },
              {
                title: '操作',
                key: 'actions',
                width: 150,
                render: (_, s) => (
                  <Flex gap={4} wrap>
                    {s.files.length > 0 && (
                      <Button size="small" loading={checking === s.id} onClick={() => void verify(s.id)}>
                        核对
                      </Button>
                    )}
                    {(s.state === 'locked' || s.state === 'generating') && (
                      <UnlockButton submission={s} onDone={list.reload} />
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Flex>
  );
}
