import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { Submission } from '../../../../shared/submission-api.js';
import { call, errorMessage } from '../../api.js';

/** 解锁: asks why first; the reason is kept with the submission and in the audit log. */
export function UnlockButton({ submission, onDone }: { submission: Submission; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();

  const run = async ({ reason }: { reason: string }) => {
    setRunning(true);
    setProblem(undefined);
    try {
      await call('submissions.unlock', { id: submission.id, reason });
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        解锁
      </Button>
      <Modal
        open={open}
        title={`解锁报送 #${submission.id}`}
        okText="解锁"
        cancelText="取消"
        confirmLoading={running}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          解锁后，{submission.periodLabel}的{submission.ledgers.map((l) => l.label).join('、')}
          可以再修改；已报送的文件不变。原因会记入修改记录。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void run(values)}>
          <Form.Item
            name="reason"
            label="解锁原因"
            rules={[{ required: true, whitespace: true, message: '请写明解锁原因' }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder="如：教育局退回，更正学生姓名" />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title="没有解锁" description={problem} />}
      </Modal>
    </>
  );
}
