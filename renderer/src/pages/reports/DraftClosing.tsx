import { memo } from 'react';
import { DatePicker, Flex, Form, Input, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { ReportContent } from '../../../../shared/report-draft.js';

interface Props {
  signatureUnit: string;
  signatureDate: string;
  sealed: boolean;
  attachments: ReportContent['attachments'];
  ledgers: Array<{ key: string; label: string }>;
  onEdit(change: (content: ReportContent) => ReportContent): void;
}

/** What comes after the body: 署名, 成文日期, 加盖印章 and the 附件 tables. Redrawn only when they change. */
export const DraftClosing = memo(function DraftClosing(props: Props) {
  const { signatureUnit, signatureDate, sealed, attachments, ledgers, onEdit } = props;
  return (
    <Form layout="vertical">
      <Flex gap={12} className="report-signature">
        <Form.Item label="署名" className="report-grow">
          <Input value={signatureUnit} onChange={(e) => onEdit((c) => ({ ...c, signatureUnit: e.target.value }))} />
        </Form.Item>
        <Form.Item label="成文日期">
          <DatePicker
            aria-label="成文日期"
            value={dayjs(signatureDate)}
            allowClear={false}
            onChange={(date) => date && onEdit((c) => ({ ...c, signatureDate: date.format('YYYY-MM-DD') }))}
          />
        </Form.Item>
        <Form.Item label="加盖印章" tooltip="盖章时署名居中压在成文日期上方，成文日期右空四字（GB/T 9704-2012）">
          <Switch
            aria-label="加盖印章"
            checked={sealed}
            checkedChildren="盖章"
            unCheckedChildren="不盖章"
            onChange={(sealed) => onEdit((c) => ({ ...c, sealed }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item label="附件表格（本期记录，按所选顺序编为附件 1、附件 2 …）">
        <Select
          mode="multiple"
          placeholder="不附表格"
          aria-label="附件表格"
          value={attachments.map((a) => a.ledger)}
          options={ledgers.map((l) => ({ value: l.key, label: l.label }))}
          optionFilterProp="label"
          onChange={(keys: string[]) =>
            onEdit((c) => ({
              ...c,
              attachments: keys.map(
                (ledger) => c.attachments.find((a) => a.ledger === ledger) ?? { ledger, title: '' },
              ),
            }))
          }
        />
      </Form.Item>
    </Form>
  );
});
