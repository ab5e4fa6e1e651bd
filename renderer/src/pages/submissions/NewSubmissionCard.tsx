import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import { parsePeriod, PERIOD_HELP } from '../../../../shared/period.js';
import type { ApiOutput } from '../../../../shared/api.js';
import { call, errorMessage } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';

interface Values {
  period: string;
  ledgers: string[];
  reports: string[];
  folder: string;
  zip: boolean;
}

/** 新建报送: period, ledgers and reports → files in a new folder, and the period locked. */
export function NewSubmissionCard({ onDone }: { onDone(submission: ApiOutput<'submissions.create'>): void }) {
  const [form] = Form.useForm<Values>();
  const { current } = useUnits();
  const ledgers = useApi('ledgers.list', current ? { unitId: current.id } : null);
  const reports = useApi('reports.types', {});
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const period = Form.useWatch('period', form);
  const parsed = period ? parsePeriod(period) : null;

  const run = async (values: Values) => {
    setRunning(true);
    setProblem(undefined);
    try {
      const submission = await call('submissions.create', {
        period: values.period.trim(),
        ledgers: values.ledgers,
        reports: values.reports ?? [],
        folder: values.folder,
        zip: values.zip,
        unitId: current?.id,
      });
      onDone(submission);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title="新建报送">
      <Typography.Paragraph type="secondary">
        生成所选台账本期的附件表格和报告，连同列出每个文件校验值的 manifest.json 存入新文件夹。报送后，
        {current ? `“${current.name}”` : '本单位'}
        这些台账本期的记录即被锁定，不能再新增、修改、删除或导入，除非解锁并写明原因。
      </Typography.Paragraph>
      <Form
        form={form}
        name="new-submission"
        layout="vertical"
        initialValues={{ zip: true, reports: [] }}
        onFinish={(values) => void run(values)}
        disabled={running}
      >
        <Form.Item
          name="period"
          label="期间"
          extra={parsed ? `${parsed.label}（${parsed.from} 至 ${parsed.to}）` : PERIOD_HELP}
          rules={[
            { required: true, whitespace: true, message: '请填写报送的期间，如 2019H1' },
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || parsePeriod(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`无法识别的期间“${value.trim()}”`)),
            },
          ]}
        >
          <Input placeholder="如 2019H1、2019-04、2018-2019S2" />
        </Form.Item>
        <Form.Item name="ledgers" label="报送的台账" rules={[{ required: true, message: '请至少选择一个台账' }]}>
          <Select
            mode="multiple"
            loading={ledgers.loading}
            placeholder="选择台账"
            optionFilterProp="label"
            options={(ledgers.data ?? []).map((l) => ({ value: l.key, label: l.label }))}
          />
        </Form.Item>
        <Form.Item name="reports" label="同时生成的报告">
          <Select
            mode="multiple"
            loading={reports.loading}
            placeholder="可不选"
            optionFilterProp="label"
            options={(reports.data?.types ?? []).map((t) => ({ value: t.template.key, label: t.template.label }))}
          />
        </Form.Item>
        <Form.Item
          name="folder"
          label="保存到文件夹"
          extra="在其中新建“报送编号-期间-单位”文件夹"
          rules={[{ required: true, whitespace: true, message: '请填写保存报送文件的文件夹（完整路径）' }]}
        >
          <Input placeholder="如 D:\台账报送 或 /home/用户名/台账报送" />
        </Form.Item>
        <Form.Item name="zip" valuePropName="checked">
          <Checkbox>另外打包为同名 .zip 文件（便于发送）</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={running}>
          {running ? '正在生成报送文件…' : '生成并报送'}
        </Button>
      </Form>
      {problem && (
        <Alert className="submission-result" type="error" showIcon title="报送没有完成" description={problem} />
      )}
    </Card>
  );
}
