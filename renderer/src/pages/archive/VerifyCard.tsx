import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { backupTime } from './backupTime.js';

type Report = ApiOutput<'archive.verify'>;
type Check = Report['checks'][number];

const RESULT: Record<Check['status'], { label: string; color: string }> = {
  pass: { label: '通过', color: 'success' },
  fail: { label: '不通过', color: 'error' },
  warn: { label: '提醒', color: 'warning' },
};

/** 四性检测 (DA/T 70-2018): 真实性、完整性、可用性、安全性, one row per check, problems by name. */
export function VerifyCard() {
  const [report, setReport] = useState<Report>();
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string>();

  const run = async () => {
    setRunning(true);
    setProblem(undefined);
    try {
      setReport(await call('archive.verify', {}));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title="四性检测">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          按 DA/T 70-2018
          检查台账的真实性、完整性、可用性和安全性：数据库结构、记录引用、佐证材料是否齐全未改、必填项、备份是否及时。
        </Typography.Text>
        <div>
          <Button type="primary" onClick={() => void run()} loading={running}>
            {running ? '正在检测…' : report ? '重新检测' : '开始检测'}
          </Button>
        </div>
        {problem && <Alert type="error" showIcon title="检测没有完成" description={problem} />}
        {report && (
          <Alert
            type={report.ok ? 'success' : 'error'}
            showIcon
            title={`${report.ok ? '检测通过' : '检测不通过'}（${backupTime(report.checkedAt)}）`}
          />
        )}
        {report && (
          <Table<Check>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={report.checks}
            aria-label="四性检测结果"
            expandable={{
              rowExpandable: (check) => check.details.length > 0,
              expandedRowRender: (check) => (
                <ul className="archive-details">
                  {check.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: '方面', dataIndex: 'aspect', width: 90 },
              { title: '检测项', dataIndex: 'label', width: 200 },
              {
                title: '结果',
                dataIndex: 'status',
                width: 90,
                render: (status: Check['status']) => <Tag color={RESULT[status].color}>{RESULT[status].label}</Tag>,
              },
              { title: '说明', dataIndex: 'summary' },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
