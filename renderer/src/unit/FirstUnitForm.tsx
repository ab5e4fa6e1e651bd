import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { call, errorMessage } from '../api.js';

/** The first question on a ledger file that has no 填报单位 yet. */
export function FirstUnitForm({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async () => {
    if (!name.trim()) {
      setProblem('请填写填报单位名称');
      return;
    }
    setSaving(true);
    try {
      await call('units.create', { name: name.trim() });
      onCreated();
    } catch (error) {
      setProblem(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <div className="first-run">
      <Card title="欢迎使用台账归档" className="first-run-card">
        <Typography.Paragraph>
          这个台账文件还没有填报单位。请填写本单位全称，它会出现在每条记录和导出表格的“填报单位”一栏，以后可在“设置”中更改或添加。
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={() => void submit()}>
          <Form.Item
            label="填报单位"
            htmlFor="first-unit-name"
            required
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Input
              id="first-unit-name"
              value={name}
              maxLength={60}
              placeholder="如：建始县高坪镇中心小学"
              onChange={(e) => {
                setName(e.target.value);
                setProblem(undefined);
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}
