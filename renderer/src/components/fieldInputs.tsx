import { useState } from 'react';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition, FieldType } from '../../../shared/ledger-definition.js';

export type RawValue = string | number | null;

interface InputProps {
  id: string;
  field: FieldDefinition;
  value: RawValue;
  invalid: boolean;
  onChange(value: RawValue): void;
}

const PLACEHOLDERS: Partial<Record<FieldType, string>> = {
  idcard: '18 位，末位可为 X',
  phone: '手机号，或带区号的固定电话如 0718-3321234',
  date: '如 2019-04-12',
  month: '如 2019-04',
  money: '单位：元',
  int: '整数',
  range: '数字或范围，如 30 或 3-5',
  'fuzzy-time': '如 6 月下旬或 7 月上旬',
  url: 'https://',
};

function text(value: RawValue): string {
  return value === null ? '' : String(value);
}

/** A dropdown of the field's choices; an extensible one also takes a choice typed by the user. */
function ChoiceInput({ id, field, value, invalid, onChange }: InputProps) {
  const [typed, setTyped] = useState('');
  const choices = field.choices ?? [];
  const current = text(value);
  const extra = [typed.trim(), current].filter((c) => c && !choices.includes(c));
  const options = [
    ...choices.map((c) => ({ value: c, label: c })),
    ...[...new Set(extra)].map((c) => ({ value: c, label: c === current ? c : `新增选项：${c}` })),
  ];
  return (
    <Select
      id={id}
      value={current || undefined}
      status={invalid ? 'error' : undefined}
      placeholder={field.extensible ? '请选择，或输入新的选项' : '请选择'}
      allowClear
      options={options}
      showSearch={field.extensible ? { onSearch: setTyped, optionFilterProp: 'value' } : { optionFilterProp: 'value' }}
      onChange={(next: string | undefined) => {
        setTyped('');
        onChange(next ?? null);
      }}
    />
  );
}

function DateInput({ id, field, value, invalid, onChange }: InputProps) {
  const month = field.type === 'month';
  const format = month ? 'YYYY-MM' : 'YYYY-MM-DD';
  const parsed = value === null ? null : dayjs(String(value), format, true);
  return (
    <DatePicker
      id={id}
      picker={month ? 'month' : 'date'}
      format={format}
      value={parsed?.isValid() ? parsed : null}
      status={invalid ? 'error' : undefined}
      placeholder={PLACEHOLDERS[field.type]}
      className="field-full"
      onChange={(date) => onChange(date ? date.format(format) : null)}
    />
  );
}

function NumberInput({ id, field, value, invalid, onChange }: InputProps) {
  return (
    <InputNumber<string>
      id={id}
      stringMode
      controls={false}
      value={value === null ? null : String(value)}
      status={invalid ? 'error' : undefined}
      placeholder={PLACEHOLDERS[field.type]}
      suffix={field.type === 'money' ? '元' : undefined}
      className="field-full"
      onChange={(next) => onChange(next === null || next === '' ? null : next)}
    />
  );
}

/** The input that suits a field's type, reporting raw values for shared/validation.ts to judge. */
export function FieldInput(props: InputProps) {
  const { id, field, value, invalid, onChange } = props;
  switch (field.type) {
    case 'enum':
      return <ChoiceInput {...props} />;
    case 'date':
    case 'month':
      return <DateInput {...props} />;
    case 'int':
    case 'money':
      return <NumberInput {...props} />;
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          value={text(value)}
          status={invalid ? 'error' : undefined}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return (
        <Input
          id={id}
          value={text(value)}
          status={invalid ? 'error' : undefined}
          placeholder={PLACEHOLDERS[field.type]}
          className={field.type === 'idcard' ? 'cell-figures' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
