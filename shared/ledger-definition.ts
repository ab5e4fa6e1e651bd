import { z } from 'zod';

export const FIELD_TYPES = [
  'text',
  'longtext',
  'int',
  'money',
  'date',
  'month',
  'fuzzy-time',
  'range',
  'enum',
  'idcard',
  'phone',
  'person',
  'unit',
  'url',
  'attachments',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export const LEDGER_CATEGORIES = [
  '东西部协作',
  '学生资助与控辍保学',
  '校农结合',
  '宣传与活动',
  '项目与任务',
  '整改',
  '名单',
  '自定义',
] as const;

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '字段标识只能由小写字母、数字和下划线组成，且以字母开头');

export const FieldDefinitionSchema = z
  .object({
    key: fieldKey,
    label: z.string().trim().min(1, '字段名称不能为空').max(40),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    choices: z.array(z.string().trim().min(1)).optional(),
    /** Users may add their own choices to an enum (LEDGERS.md: "user may extend"). */
    extensible: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'enum' && (!field.choices || field.choices.length === 0)) {
      ctx.addIssue({ code: 'custom', message: `字段“${field.label}”是选项类型，必须给出选项` });
    }
  });

export type FieldDefinition = z.infer<typeof FieldDefinitionSchema>;

/** A rule that spans two fields, e.g. 性别 must agree with the 身份证号's sex digit. */
export const CrossCheckSchema = z.object({
  kind: z.enum(['idcard-gender', 'date-order']),
  fields: z.tuple([fieldKey, fieldKey]),
});

export type CrossCheck = z.infer<typeof CrossCheckSchema>;

export const LedgerDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '台账标识只能由小写字母、数字和连字符组成'),
    label: z.string().trim().min(1, '台账名称不能为空').max(60),
    category: z.string().trim().min(1).max(20),
    kind: z.enum(['record', 'plan']),
    fields: z.array(FieldDefinitionSchema).min(1, '台账至少要有一个字段'),
    /** The field whose date places a record in a period; records without one use their own date. */
    dateField: fieldKey.optional(),
    /** Fields that identify the same real-world row (re-import detection). */
    keyFields: z.array(fieldKey).optional(),
    /** Numeric fields summed in the 合计 row of an exported table. */
    totals: z.array(fieldKey).optional(),
    crossChecks: z.array(CrossCheckSchema).optional(),
    notice: z.string().optional(),
    /**
     * Fields removed from the type. Records keep their values under the same keys, so a field
     * can be restored with everything it held; they are neither shown, validated nor exported.
     */
    archivedFields: z.array(FieldDefinitionSchema).optional(),
  })
  .superRefine((def, ctx) => {
    const keys = new Set<string>();
    const labels = new Set<string>();
    for (const field of def.fields) {
      if (keys.has(field.key)) ctx.addIssue({ code: 'custom', message: `字段标识重复：${field.key}` });
      if (labels.has(field.label)) ctx.addIssue({ code: 'custom', message: `字段名称重复：${field.label}` });
      keys.add(field.key);
      labels.add(field.label);
    }
    const archived = new Set<string>();
    for (const field of def.archivedFields ?? []) {
      if (keys.has(field.key) || archived.has(field.key)) {
        ctx.addIssue({ code: 'custom', message: `已移除字段的标识与其他字段重复：${field.key}` });
      }
      archived.add(field.key);
    }
    const mustExist = (key: string | undefined, what: string) => {
      if (key !== undefined && !keys.has(key)) {
        ctx.addIssue({ code: 'custom', message: `${what}引用了不存在的字段：${key}` });
      }
    };
    mustExist(def.dateField, '归属日期字段');
    def.keyFields?.forEach((k) => mustExist(k, '去重字段'));
    def.totals?.forEach((k) => mustExist(k, '合计字段'));
    def.crossChecks?.forEach((c) => c.fields.forEach((k) => mustExist(k, '关联校验')));
    const dateField = def.fields.find((f) => f.key === def.dateField);
    if (dateField && dateField.type !== 'date') {
      ctx.addIssue({ code: 'custom', message: `归属日期字段“${dateField.label}”必须是日期类型` });
    }
  });

export type LedgerDefinition = z.infer<typeof LedgerDefinitionSchema>;
export type LedgerDefinitionInput = z.input<typeof LedgerDefinitionSchema>;

/** Values of one record, keyed by field key. Numbers for int/money, strings otherwise. */
export type RecordValues = Record<string, string | number | null>;
