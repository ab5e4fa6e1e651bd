import { useMemo, useState } from 'react';
import { Alert, Col, DatePicker, Form, Modal, Row } from 'antd';
import dayjs from 'dayjs';
import type { LedgerDefinition } from '../../../shared/ledger-definition.js';
import { validateRecord } from '../../../shared/validation.js';
import { todayIso } from '../../../shared/dates.js';
import { ApiError, call, errorMessage } from '../api.js';
import { editableFields, type LedgerRecord } from '../records.js';
import { FieldInput, type RawValue } from './fieldInputs.js';
import { EvidenceField } from './evidence/EvidenceField.js';

interface Props {
  definition: LedgerDefinition;
  /** The record to edit; null adds a new one. */
  record: LedgerRecord | null;
  onClose(): void;
  onSaved(record: LedgerRecord, created: boolean): void;
}

function initialValues(def: LedgerDefinition, record: LedgerRecord | null): Record<string, RawValue> {
  return Object.fromEntries(def.fields.map((f) => [f.key, record?.values[f.key] ?? null]));
}

/**
 * Adds or edits one record. Every keystroke is checked with the same validateRecord main uses, so a
 * field's error shows under it before saving; the store's own field errors are shown the same way.
 */
export function RecordForm({ definition, record, onClose, onSaved }: Props) {
  const [values, setValues] = useState(() => initialValues(definition, record));
  const [recordDate, setRecordDate] = useState(record?.recordDate ?? todayIso());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const validation = useMemo(() => validateRecord(definition, values), [definition, values]);
  const localErrors = useMemo(
    () => Object.fromEntries(validation.errors.map((e) => [e.field, e.message])),
    [validation],
  );
  const errorOf = (key: string): string | undefined =>
    serverErrors[key] ?? (submitted || touched.has(key) ? localErrors[key] : undefined);

  const change = (key: string, value: RawValue) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    setServerErrors(({ [key]: _dropped, ...rest }) => rest);
    setProblem(undefined);
  };

  const save = async () => {
    setSubmitted(true);
    if (!validation.ok) {
      setProblem(`还有 ${validation.errors.length} 处需要修改，见各栏下方的红字`);
      return;
    }
    setSaving(true);
    try {
      const dateInput = definition.dateField ? {} : { recordDate };
      const saved = record
        ? await call('records.update', { id: record.id, values: validation.values, ...dateInput })
        : await call('records.create', { ledger: definition.key, values: validation.values, ...dateInput });
      onSaved(saved, record === null);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      setServerErrors(Object.fromEntries(fieldErrors.map((e) => [e.field, e.message])));
      // The store's message names every field, including any the form does not show.
      setProblem(`保存失败：${errorMessage(error)}`);
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${record ? '编辑' : '新增'}${definition.label}记录`}
      width={880}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form layout="vertical" className="record-form" component="div">
        <Row gutter={16}>
          {editableFields(definition).map((field) => {
            const id = `field-${field.key}`;
            const error = errorOf(field.key);
            return (
              <Col key={field.key} span={field.type === 'longtext' ? 24 : 12}>
                <Form.Item
                  label={field.label}
                  htmlFor={id}
                  required={field.required}
                  validateStatus={error ? 'error' : undefined}
                  help={error}
                >
                  <FieldInput
                    id={id}
                    field={field}
                    value={values[field.key] ?? null}
                    invalid={error !== undefined}
                    onChange={(value) => change(field.key, value)}
                  />
                </Form.Item>
              </Col>
            );
          })}
          {!definition.dateField && (
            <Col span={12}>
              <Form.Item label="归属日期" htmlFor="field-record-date" tooltip="按期间筛选和统计时，这条记录算在哪一天">
                <DatePicker
                  id="field-record-date"
                  format="YYYY-MM-DD"
                  allowClear={false}
                  value={dayjs(recordDate, 'YYYY-MM-DD')}
                  className="field-full"
                  onChange={(date) => date && setRecordDate(date.format('YYYY-MM-DD'))}
                />
              </Form.Item>
            </Col>
          )}
          {definition.fields
            .filter((field) => field.type === 'attachments')
            .map((field) => (
              <Col key={field.key} span={24}>
                <Form.Item label={field.label}>
                  <EvidenceField recordId={record?.id ?? null} field={field} />
                </Form.Item>
              </Col>
            ))}
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
