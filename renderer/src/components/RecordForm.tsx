import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { LedgerDefinition } from '../../../shared/ledger-definition.js';
import { validateRecord } from '../../../shared/validation.js';
import { parseIsoDate, todayIso } from '../../../shared/dates.js';
import { ApiError, call, errorMessage } from '../api.js';
import { editableFields, type LedgerRecord } from '../records.js';
import { FieldInput, type RawValue } from './fieldInputs.js';
import { EvidenceField } from './evidence/EvidenceField.js';
import { useConfirmNewChoices } from './useConfirmNewChoices.js';

interface Props {
  definition: LedgerDefinition;
  /** The record to edit; null adds a new one. */
  record: LedgerRecord | null;
  onClose(): void;
  /** `addAnother`: 保存并新增 was used, so the page opens an empty form again. */
  onSaved(record: LedgerRecord, created: boolean, addAnother: boolean): void;
}

function initialValues(def: LedgerDefinition, record: LedgerRecord | null): Record<string, RawValue> {
  return Object.fromEntries(def.fields.map((f) => [f.key, record?.values[f.key] ?? null]));
}

/** The form's fields in tab order, for Enter to move on. */
function fieldElements(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('input:not([type=file]):not([disabled]), textarea')].filter(
    (el) => el.tabIndex >= 0 && el.offsetParent !== null,
  );
}

/**
 * Adds or edits one record, keyboard first: the first field has the focus, Enter moves to the next
 * field, Ctrl+Enter saves, Esc asks before throwing typed values away. Every keystroke is checked
 * with the same validateRecord main uses, so a field's error shows under it before saving; the
 * store's own field errors are shown the same way.
 */
export function RecordForm({ definition, record, onClose, onSaved }: Props) {
  const { modal } = App.useApp();
  const confirmNewChoices = useConfirmNewChoices(definition);
  const [values, setValues] = useState(() => initialValues(definition, record));
  const [recordDate, setRecordDate] = useState(record?.recordDate ?? todayIso());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const fields = editableFields(definition);

  const validation = useMemo(() => validateRecord(definition, values), [definition, values]);
  const localErrors = useMemo(
    () => Object.fromEntries(validation.errors.map((e) => [e.field, e.message])),
    [validation],
  );
  const dateProblem =
    !definition.dateField && !parseIsoDate(recordDate) ? `“${recordDate}”不是真实的日期，应写作 2019-04-12` : undefined;
  const errorOf = (key: string): string | undefined =>
    serverErrors[key] ?? (submitted || touched.has(key) ? localErrors[key] : undefined);

  // The dialog opens with the focus on its first field, not on its close button.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (body.current && !body.current.contains(document.activeElement)) fieldElements(body.current)[0]?.focus();
    }, 50);
    return () => clearTimeout(timer);
  }, []);

  const change = (key: string, value: RawValue) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    setServerErrors(({ [key]: _dropped, ...rest }) => rest);
    setProblem(undefined);
  };

  const save = async (addAnother: boolean) => {
    setSubmitted(true);
    if (!validation.ok || dateProblem) {
      setProblem(`还有 ${validation.errors.length + (dateProblem ? 1 : 0)} 处需要修改，见各栏下方的红字`);
      return;
    }
    if (!(await confirmNewChoices(validation.values, record?.values))) {
      setProblem('没有添加新选项：请改为已有的选项后再保存');
      return;
    }
    setSaving(true);
    try {
      const dateInput = definition.dateField ? {} : { recordDate: parseIsoDate(recordDate)! };
      const saved = record
        ? await call('records.update', { id: record.id, values: validation.values, ...dateInput })
        : await call('records.create', { ledger: definition.key, values: validation.values, ...dateInput });
      onSaved(saved, record === null, addAnother);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      setServerErrors(Object.fromEntries(fieldErrors.map((e) => [e.field, e.message])));
      // The store's message names every field, including any the form does not show.
      setProblem(`保存失败：${errorMessage(error)}`);
      setSaving(false);
    }
  };

  const dirty = touched.size > 0;
  const close = () => {
    if (!dirty) {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃填写的内容？',
      content: '这条记录还没有保存，关闭后填写的内容会丢失。',
      okText: '放弃',
      okType: 'danger',
      cancelText: '继续填写',
      onOk: onClose,
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void save(false);
      return;
    }
    const target = event.target as HTMLElement;
    // Enter picks the highlighted choice of an open dropdown and starts a new line in long text.
    if (target.tagName === 'TEXTAREA' || target.getAttribute('aria-expanded') === 'true') return;
    if (!body.current) return;
    const order = fieldElements(body.current);
    const at = order.indexOf(target);
    if (at === -1) return;
    event.preventDefault();
    order[at + 1]?.focus();
  };

  return (
    <Modal
      open
      title={`${record ? '编辑' : '新增'}${definition.label}记录`}
      width={880}
      onCancel={close}
      closable={{ 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden /> }}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="again" disabled={saving} onClick={() => void save(true)}>
          保存并新增
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void save(false)}>
          保存
        </Button>,
      ]}
    >
      <div ref={body} onKeyDown={onKeyDown}>
        <Form layout="vertical" className="record-form" component="div">
          <Row gutter={16}>
            {fields.map((field) => {
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
                <Form.Item
                  label="归属日期"
                  htmlFor="field-record-date"
                  tooltip="按期间筛选和统计时，这条记录算在哪一天"
                  validateStatus={dateProblem ? 'error' : undefined}
                  help={dateProblem}
                >
                  <Input
                    id="field-record-date"
                    value={recordDate}
                    placeholder="如 2019-04-12"
                    className="cell-figures"
                    onChange={(e) => {
                      setRecordDate(e.target.value.trim());
                      setTouched((t) => new Set(t).add('recordDate'));
                    }}
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
        <div className="form-keys">回车移到下一栏，Ctrl+回车保存，Esc 关闭</div>
      </div>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
