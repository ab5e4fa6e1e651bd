import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import type { BackupSummary } from '../../../../shared/archive-api.js';
import { call, errorMessage } from '../../api.js';
import { formatCount } from '../../format.js';
import { backupTime } from './backupTime.js';
import { SwitchLedgerButton } from './SwitchLedgerButton.js';

interface Values {
  file: string;
  password?: string;
  target: string;
}

function SummaryView({ summary }: { summary: BackupSummary }) {
  const records = Object.values(summary.records).reduce((sum, n) => sum + n, 0);
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="备份时间">{backupTime(summary.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="操作人">{summary.operator}</Descriptions.Item>
      <Descriptions.Item label="填报单位" span={2}>
        {summary.units.join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="记录">{formatCount(records)} 条</Descriptions.Item>
      <Descriptions.Item label="佐证文件">{formatCount(summary.attachments)} 个</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 从备份恢复: reads a backup (asking for its password when it is encrypted) and restores it into a
 * NEW ledger file; the ledger in use is never touched, and the app can switch to the new one.
 */
export function RestoreCard() {
  const [form] = Form.useForm<Values>();
  const [inspected, setInspected] = useState<ApiOutput<'archive.inspect'>>();
  const [busy, setBusy] = useState<'inspect' | 'restore'>();
  const [problem, setProblem] = useState<string>();
  const [restored, setRestored] = useState<ApiOutput<'archive.restore'>>();

  const inspect = async () => {
    const { file, password } = form.getFieldsValue();
    if (!file?.trim()) {
      setProblem('请填写备份文件的完整路径');
      return;
    }
    setBusy('inspect');
    setProblem(undefined);
    setRestored(undefined);
    try {
      setInspected(await call('archive.inspect', { file, password: password || undefined }));
    } catch (error) {
      setInspected(undefined);
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  const restore = async (values: Values) => {
    setBusy('restore');
    setProblem(undefined);
    setRestored(undefined);
    try {
      setRestored(
        await call('archive.restore', {
          file: values.file,
          target: values.target,
          password: values.password || undefined,
        }),
      );
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  const ready = inspected !== undefined;
  return (
    <Card size="small" title="从备份恢复">
      <Typography.Paragraph type="secondary">
        恢复会先核对备份中每个文件的校验值和密码，全部无误才写出一个新的台账文件；正在使用的台账不会被改动或覆盖。
      </Typography.Paragraph>
      <Form
        form={form}
        name="restore"
        layout="vertical"
        disabled={busy !== undefined}
        onFinish={(values) => void restore(values)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('file' in changed) setInspected(undefined);
        }}
      >
        <Form.Item label="备份文件" required htmlFor="restore_file">
          <div className="archive-inline">
            <Form.Item
              name="file"
              noStyle
              rules={[{ required: true, whitespace: true, message: '请填写备份文件的完整路径' }]}
            >
              <Input placeholder="如 E:\台账备份\台账备份-某校-20191231-180000.tzbak" />
            </Form.Item>
            <Button onClick={() => void inspect()} loading={busy === 'inspect'}>
              读取备份
            </Button>
          </div>
        </Form.Item>
        {ready && inspected.encrypted && !inspected.summary && (
          <Alert type="info" showIcon title="这个备份已加密：请输入备份密码，再读取或直接恢复" />
        )}
        {ready && inspected.summary && <SummaryView summary={inspected.summary} />}
        {ready && inspected.encrypted && (
          <Form.Item
            name="password"
            label="备份密码"
            rules={[{ required: true, message: '这个备份已加密，请输入备份密码' }]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        )}
        {ready && (
          <Form.Item
            name="target"
            label="恢复为新的台账文件"
            rules={[{ required: true, whitespace: true, message: '请填写新台账文件的完整路径' }]}
            extra="必须是一个还不存在的文件，如 D:\台账\恢复的台账.db"
          >
            <Input />
          </Form.Item>
        )}
        {ready && (
          <Button type="primary" htmlType="submit" loading={busy === 'restore'}>
            {busy === 'restore' ? '正在核对并恢复…' : '恢复'}
          </Button>
        )}
      </Form>
      {problem && (
        <Alert className="archive-result" type="error" showIcon title="未恢复任何内容" description={problem} />
      )}
      {restored && (
        <Alert
          className="archive-result"
          type="success"
          showIcon
          title="恢复完成"
          description={
            <div data-testid="restore-result">
              <Typography.Paragraph className="archive-path">
                新的台账文件：<Typography.Text copyable>{restored.dbFile}</Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph>
                当前仍在使用原来的台账；要查看或继续录入恢复出的台账，请切换到它。
              </Typography.Paragraph>
              <SwitchLedgerButton file={restored.dbFile} />
              <SummaryView summary={restored.summary} />
            </div>
          }
        />
      )}
    </Card>
  );
}
