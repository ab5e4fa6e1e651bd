import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import type { ApiOutput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { formatSize } from '../../components/xlsxFiles.js';

interface Values {
  folder: string;
  encrypt: boolean;
  password?: string;
  confirm?: string;
}

/** 立即备份: one file with the ledger and every evidence file, into a folder, optionally encrypted. */
export function BackupNowCard({ initialFolder, onDone }: { initialFolder: string; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const encrypt = Form.useWatch('encrypt', form);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ApiOutput<'archive.backup'>>();
  const [problem, setProblem] = useState<string>();

  const run = async (values: Values) => {
    setRunning(true);
    setResult(undefined);
    setProblem(undefined);
    try {
      setResult(
        await call('archive.backup', {
          folder: values.folder,
          password: values.encrypt ? values.password : undefined,
        }),
      );
      form.setFieldsValue({ password: undefined, confirm: undefined });
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title="立即备份">
      <Typography.Paragraph type="secondary">
        把台账和全部佐证材料备份为一个文件（台账备份-单位-时间.tzbak）。备份含学生身份证号，存到 U
        盘等移动设备时请加密。
      </Typography.Paragraph>
      <Form
        form={form}
        name="backup"
        layout="vertical"
        initialValues={{ folder: initialFolder, encrypt: false }}
        onFinish={(values) => void run(values)}
        disabled={running}
      >
        <Form.Item
          name="folder"
          label="备份到文件夹"
          rules={[{ required: true, whitespace: true, message: '请填写备份文件夹的完整路径' }]}
        >
          <Input placeholder="如 E:\台账备份 或 /media/U盘/台账备份" />
        </Form.Item>
        <Form.Item name="encrypt" valuePropName="checked">
          <Checkbox>用密码加密（恢复时必须输入同一密码，密码遗失则无法恢复）</Checkbox>
        </Form.Item>
        {encrypt && (
          <>
            <Form.Item
              name="password"
              label="备份密码"
              rules={[
                { required: true, message: '请填写备份密码' },
                { min: 6, message: '备份密码至少 6 个字符' },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="再次输入密码"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入备份密码' },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={running}>
          {running ? '正在备份…' : '立即备份'}
        </Button>
      </Form>
      {result && (
        <Alert
          className="archive-result"
          type="success"
          showIcon
          title="备份完成"
          description={
            <span className="archive-path" data-testid="backup-result">
              {result.file}（{formatSize(result.bytes)}
              {result.summary.encrypted ? '，已加密' : ''}，{result.summary.attachments} 个佐证文件）
            </span>
          }
        />
      )}
      {problem && <Alert className="archive-result" type="error" showIcon title="备份没有完成" description={problem} />}
    </Card>
  );
}
