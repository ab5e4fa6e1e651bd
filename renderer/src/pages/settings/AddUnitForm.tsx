import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { call, errorMessage } from '../../api.js';
import { useUnits } from '../../unit/UnitContext.js';

/** Adds a 填报单位 to the ledger file; choosing it as current is a separate step. */
export function AddUnitForm() {
  const { reload } = useUnits();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem('请填写单位名称');
      return;
    }
    setSaving(true);
    try {
      await call('units.create', { name: trimmed });
      void message.success(`已添加填报单位：${trimmed}`);
      setName('');
      reload();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="inline" className="add-unit-form" onFinish={() => void add()}>
      <Form.Item label="添加单位" htmlFor="new-unit-name" validateStatus={problem ? 'error' : undefined} help={problem}>
        <Input
          id="new-unit-name"
          value={name}
          maxLength={60}
          placeholder="如：建始县教育局"
          className="add-unit-input"
          onChange={(e) => {
            setName(e.target.value);
            setProblem(undefined);
          }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        添加
      </Button>
    </Form>
  );
}
