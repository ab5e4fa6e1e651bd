import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { OPERATOR_ASK } from '../../../../shared/audit-api.js';
import { errorMessage } from '../../api.js';
import { setOperator, useOperator } from './useOperator.js';
import { OPERATOR_NAME_RULES } from './operatorNameRules.js';

/** Asks the name once per installation, before anything is written under the OS user's name. */
export function OperatorNameModal() {
  const operator = useOperator();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  if (!operator || operator.asked || !operator.canChange) return null;

  const save = async () => {
    const { name } = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await setOperator(name);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="您的姓名"
      closable={false}
      maskClosable={false}
      keyboard={false}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="确定"
      confirmLoading={saving}
      onOk={() => void save().catch(() => undefined)}
    >
      <Typography.Paragraph>{OPERATOR_ASK}。以后可在“设置”中修改。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item
          name="name"
          label="姓名"
          rules={OPERATOR_NAME_RULES}
          validateStatus={problem ? 'error' : undefined}
          help={problem}
        >
          <Input autoFocus maxLength={40} placeholder="例如：周晓梅" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
