import { useState } from 'react';
import { Input, Select } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { FieldDefinition, FieldType } from '../../../shared/ledger-definition.js';

export type RawValue = string | number | null;

interface InputProps {
  id: string;
  field: FieldDefinition;
  value: RawValue;
  invalid: boolean;
  autoFocus?: boolean;
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

/** Stands for "no choice" in a field that may be left empty: an option, so no clear button is needed. */
const NONE = '\u0000';

function text(value: RawValue): string {
  return value === null ? '' : String(value);
}

/**
 * A dropdown of the field's choices; an extensible one also takes a choice typed by the user (the
 * save asks before adding it). No clear button: it would be one more tab stop on every filled
 * choice; a field that may stay empty has a （不填） option instead.
 */
function ChoiceInput({ id, field, value, invalid, autoFocus, onChange }: InputProps) {
  const [typed, setTyped] = useState('');
  const choices = field.choices ?? [];
  const current = text(value);
  const extra = [typed.trim(), current].filter((c) => c && !choices.includes(c));
  const options = [
    ...(field.required ? [] : [{ value: NONE, label: '（不填）' }]),
    ...choices.map((c) => ({ value: c, label: c })),
    ...[...new Set(extra)].map((c) => ({ value: c, label: c === current ? c : `新增选项：${c}` })),
  ];
  return (
    <Select
      id={id}
      autoFocus={autoFocus}
      value={current || undefined}
      status={invalid ? 'error' : undefined}
      placeholder={field.extensible ? '请选择，或输入新的选项' : '请选择'}
      options={options}
      // The default arrow icon announces itself as "down".
      suffixIcon={<DownOutlined aria-hidden />}
      showSearch={field.extensible ? { onSearch: setTyped, optionFilterProp: 'value' } : { optionFilterProp: 'label' }}
      onChange={(next: string | undefined) => {
        setTyped('');
        onChange(next === undefined || next === NONE ? null : next);
      }}
    />
  );
}

/**
 * The input that suits a field's type, reporting the raw text for shared/validation.ts to judge:
 * dates and amounts are typed, never silently dropped, so "2019-02-30" or "六百" is answered with
 * what is wrong with it rather than "必填".
 */
export function FieldInput(props: InputProps) {
  const { id, field, value, invalid, autoFocus, onChange } = props;
  const numeric = field.type === 'int' || field.type === 'money';
  switch (field.type) {
    case 'enum':
      return <ChoiceInput {...props} />;
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          autoFocus={autoFocus}
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
          autoFocus={autoFocus}
          value={text(value)}
          status={invalid ? 'error' : undefined}
          placeholder={PLACEHOLDERS[field.type]}
          inputMode={numeric ? 'decimal' : undefined}
          suffix={field.type === 'money' ? '元' : undefined}
          className={field.type === 'idcard' || numeric ? 'cell-figures' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
