import { useState } from 'react';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage } from '../../api.js';
import { setOperator, useOperator } from '../../components/operator/useOperator.js';
import { OPERATOR_NAME_RULES } from '../../components/operator/operatorNameRules.js';

/** 操作人: the name this installation writes into every change it records. */
export function OperatorCard() {
  const operator = useOperator();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async ({ name }: { name: string }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = await setOperator(name);
      void message.success(`操作人已改为：${saved}`);
      form.resetFields();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="操作人" className="settings-card">
      <Typography.Paragraph type="secondary">
        本机记下的每一条修改都署这个姓名；更改只影响此后的修改，已有记录中的姓名不变。
      </Typography.Paragraph>
      <Typography.Paragraph>
        当前操作人：<Typography.Text strong>{operator?.name}</Typography.Text>
      </Typography.Paragraph>
      {operator?.canChange && (
        <Form form={form} layout="inline" onFinish={(values) => void save(values)}>
          <Form.Item
            name="name"
            label="新的姓名"
            rules={OPERATOR_NAME_RULES}
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Input maxLength={40} placeholder="例如：周晓梅" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            修改姓名
          </Button>
        </Form>
      )}
    </Card>
  );
}
