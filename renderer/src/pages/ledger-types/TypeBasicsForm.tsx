import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { LEDGER_CATEGORIES } from '../../../../shared/ledger-definition.js';
import type { EditorDraft } from './typeDraft.js';

interface Props {
  draft: EditorDraft;
  labelProblem?: string;
  showProblems: boolean;
  onChange(change: Partial<Omit<EditorDraft, 'fields'>>): void;
}

const KIND_OPTIONS = [
  { value: 'record', label: '记录台账' },
  { value: 'plan', label: '计划与名单' },
];

/** The type's name, its catalogue category, and whether it records events or lists plans. */
export function TypeBasicsForm({ draft, labelProblem, showProblems, onChange }: Props) {
  const categories: string[] = [...LEDGER_CATEGORIES];
  if (!categories.includes(draft.category)) categories.push(draft.category);
  const problem = showProblems ? labelProblem : undefined;
  return (
    <Form layout="vertical" component="div" className="type-basics">
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            label="台账名称"
            htmlFor="type-label"
            required
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Input
              id="type-label"
              value={draft.label}
              maxLength={60}
              placeholder="如 2019年送教上门活动登记表"
              status={problem ? 'error' : undefined}
              onChange={(e) => onChange({ label: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="所属分类" htmlFor="type-category" tooltip="台账目录按分类排列">
            <Select
              id="type-category"
              value={draft.category}
              options={categories.map((c) => ({ value: c, label: c }))}
              onChange={(category: string) => onChange({ category })}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="台账性质"
            tooltip="记录台账的每条记录按日期归入月份、学期等期间；计划与名单（如任务清单、联络员名单）不按期间统计"
          >
            <Radio.Group
              aria-label="台账性质"
              optionType="button"
              value={draft.kind}
              options={KIND_OPTIONS}
              onChange={(e) => onChange({ kind: e.target.value as EditorDraft['kind'] })}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
