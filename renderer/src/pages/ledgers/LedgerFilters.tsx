import { useState } from 'react';
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { FieldDefinition, LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { parseIsoDate } from '../../../../shared/dates.js';
import { isRangeField, type LedgerView, type ValueRange } from '../../records.js';

interface Props {
  definition: LedgerDefinition;
  view: LedgerView;
  onChange(change: Pick<LedgerView, 'choices' | 'ranges'>): void;
}

function rangeProblem(field: FieldDefinition, text: string): string | null {
  if (!text) return null;
  if (field.type === 'date') return parseIsoDate(text) ? null : `“${text}”不是真实的日期，应写作 2019-04-12`;
  return /^-?\d+(\.\d+)?$/.test(text.replace(/,/g, '')) ? null : `“${text}”应为数字`;
}

/** A from–to pair applied on Enter or leaving a box; a bound that does not read says why. */
function RangeFilter({
  field,
  value,
  onChange,
}: {
  field: FieldDefinition;
  value: ValueRange;
  onChange(range: ValueRange): void;
}) {
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const problem = rangeProblem(field, from.trim()) ?? rangeProblem(field, to.trim());
  const apply = () => {
    if (problem) return;
    const clean = (t: string) => (field.type === 'date' ? (parseIsoDate(t.trim()) ?? '') : t.trim().replace(/,/g, ''));
    const next = { ...(from.trim() ? { from: clean(from) } : {}), ...(to.trim() ? { to: clean(to) } : {}) };
    if (next.from !== value.from || next.to !== value.to) onChange(next);
  };
  const hint = field.type === 'date' ? '如 2019-01-01' : '不限';
  return (
    <Flex vertical gap={2} className="range-filter">
      <Flex gap={4} align="center">
        <Input
          aria-label={`${field.label}起`}
          size="small"
          value={from}
          placeholder={hint}
          status={rangeProblem(field, from.trim()) ? 'error' : undefined}
          onChange={(e) => setFrom(e.target.value)}
          onPressEnter={apply}
          onBlur={apply}
        />
        <span aria-hidden>至</span>
        <Input
          aria-label={`${field.label}止`}
          size="small"
          value={to}
          placeholder={field.type === 'date' ? '如 2019-06-30' : '不限'}
          status={rangeProblem(field, to.trim()) ? 'error' : undefined}
          onChange={(e) => setTo(e.target.value)}
          onPressEnter={apply}
          onBlur={apply}
        />
      </Flex>
      {problem && (
        <Typography.Text type="danger" role="alert" className="filter-note">
          {field.label}：{problem}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Column filters: any of several choices, and from–to ranges on dates and amounts. */
export function LedgerFilters({ definition, view, onChange }: Props) {
  const choiceFields = definition.fields.filter((f) => f.type === 'enum');
  const rangeFields = definition.fields.filter((f) => isRangeField(f.type));
  const any =
    Object.values(view.choices).some((v) => v.length) || Object.values(view.ranges).some((r) => r.from || r.to);
  return (
    <Flex className="ledger-filters" gap={12} wrap align="flex-start" role="group" aria-label="按列筛选">
      {choiceFields.map((field) => (
        <Flex key={field.key} vertical gap={2} className="choice-filter">
          <label className="filter-label" htmlFor={`filter-${field.key}`}>
            {field.label}
          </label>
          <Select
            id={`filter-${field.key}`}
            aria-label={field.label}
            mode="multiple"
            size="small"
            maxTagCount="responsive"
            placeholder="全部"
            value={view.choices[field.key] ?? []}
            options={(field.choices ?? []).map((c) => ({ value: c, label: c }))}
            onChange={(values: string[]) =>
              onChange({ choices: { ...view.choices, [field.key]: values }, ranges: view.ranges })
            }
          />
        </Flex>
      ))}
      {rangeFields.map((field) => (
        <Flex key={field.key} vertical gap={2}>
          <span className="filter-label">{field.label}</span>
          <RangeFilter
            key={JSON.stringify(view.ranges[field.key] ?? {})}
            field={field}
            value={view.ranges[field.key] ?? {}}
            onChange={(range) => onChange({ choices: view.choices, ranges: { ...view.ranges, [field.key]: range } })}
          />
        </Flex>
      ))}
      {any && (
        <Button size="small" type="link" className="filter-clear" onClick={() => onChange({ choices: {}, ranges: {} })}>
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
