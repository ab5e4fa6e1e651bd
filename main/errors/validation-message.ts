import type { z } from 'zod';
import { oneLine } from './user-message.js';

/*
 * zod's issues in Chinese. Its own messages are English ("Invalid input: expected string,
 * received null"); here each kind of issue is worded with the field named as the form names it.
 */

type Issue = z.core.$ZodIssue;

/** The names of the contract's payload keys as the app's pages call them. */
const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  activityId: '活动',
  addressee: '主送机关',
  allowDuplicates: '导入重复行',
  attachmentNo: '附件编号',
  blocks: '段落',
  category: '分类',
  choices: '选项',
  column: '列',
  content: '内容',
  crossChecks: '交叉检查',
  data: '文件内容',
  dateField: '日期字段',
  dateFrom: '开始日期',
  dateTo: '结束日期',
  description: '说明',
  direction: '排序方向',
  draft: '台账类型',
  field: '字段',
  fields: '字段',
  figures: '数字',
  fileName: '文件名',
  fill: '统一填写',
  fillDate: '填报日期',
  filters: '筛选条件',
  header: '表头',
  id: '编号',
  jobId: '任务编号',
  key: '标识',
  keyFields: '关键字段',
  label: '名称',
  ledger: '台账',
  ledgers: '台账',
  mapping: '列对应关系',
  maskId: '公示脱敏',
  max: '最大值',
  maxLength: '最大长度',
  min: '最小值',
  name: '名称',
  note: '备注',
  op: '筛选方式',
  out: '保存位置',
  overwrite: '覆盖',
  page: '页码',
  pageSize: '每页条数',
  period: '期间',
  recordId: '记录编号',
  report: '报告',
  required: '必填',
  row: '行',
  sealed: '加盖印章',
  search: '搜索内容',
  sheet: '工作表',
  sheets: '工作表',
  signatureDate: '成文日期',
  signatureUnit: '落款单位',
  sort: '排序',
  text: '文字',
  title: '标题',
  type: '类型',
  unit: '填报单位',
  unitId: '填报单位',
  value: '值',
  values: '字段值',
};

/** Payload keys whose own keys are the user's (a record's field keys, sheet column names). */
const OPEN_RECORDS = new Set(['values', 'fill', 'mapping', 'figures']);

/** A ledger's field labels by key, to name a record's value as the form does. */
export type FieldLabels = Record<string, string>;

/** "筛选条件第 2 项的字段", "字段值“备注”"; an unknown key stays as it is. */
function fieldName(path: PropertyKey[], labels: FieldLabels = {}): string {
  let name = '';
  let open = false;
  for (const part of path) {
    if (typeof part === 'number') name += `第 ${part + 1} 项`;
    else if (open) name += `“${labels[String(part)] ?? String(part)}”`;
    else {
      const label = FIELD_LABELS[String(part)] ?? String(part);
      name = name ? `${name}的${label}` : label;
    }
    open = typeof part === 'string' && OPEN_RECORDS.has(part);
  }
  return name;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  object: '一组内容',
  array: '列表',
  date: '日期',
  null: '空',
};

function describe(value: unknown): string {
  if (value === null) return '空';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'number') return Number.isInteger(value) ? '数字' : Number.isFinite(value) ? '小数' : '非数字';
  return TYPE_NAMES[typeof value] ?? '其他内容';
}

/** The value the issue is about, looked up in the payload (zod v4 no longer carries it). */
function valueAt(payload: unknown, path: PropertyKey[]): unknown {
  let value = payload;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

function limit(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (!big && bound === 1) return '不能为空';
      return big ? `最多 ${bound} 个字` : `至少 ${bound} 个字`;
    case 'array':
    case 'set':
      return big ? `最多 ${bound} 项` : `至少 ${bound} 项`;
    case 'file':
      return big ? `不能超过 ${bound} 字节` : `不能少于 ${bound} 字节`;
    default:
      if (issue.inclusive === false) return big ? `应小于 ${bound}` : `应大于 ${bound}`;
      return big ? `不能大于 ${bound}` : `不能小于 ${bound}`;
  }
}

/** One issue as "名称应为文字，实际为空". */
export function issueMessage(issue: Issue, payload: unknown, labels?: FieldLabels): string {
  const name = fieldName(issue.path, labels);
  const value = valueAt(payload, issue.path);
  // A message the schema wrote itself (a refine, a regex with its hint) is already Chinese.
  if (hasChinese(issue.message)) return name ? `${name}：${issue.message}` : issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `缺少${name || '参数'}`;
      return `${name || '参数'}应为${TYPE_NAMES[issue.expected] ?? '其他内容'}，实际为${describe(value)}`;
    case 'too_big':
    case 'too_small':
      return `${name || '参数'}${limit(issue)}`;
    case 'invalid_union':
      return value === null ? `${name || '参数'}不能为空` : `${name || '参数'}的类型不正确`;
    case 'invalid_value':
      return `${name || '参数'}不是可选的值`;
    case 'unrecognized_keys':
      return `${name || '参数'}中有 ${issue.keys.length} 项多余的内容`;
    case 'invalid_key':
      return `${fieldName(issue.path.slice(0, -1), labels) || '参数'}中有名称不正确的项`;
    case 'invalid_element':
      return `${name || '参数'}中有不正确的项`;
    case 'not_multiple_of':
      return `${name || '参数'}应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_format':
      return `${name || '参数'}的格式不正确`;
    default:
      return `${name || '参数'}不正确`;
  }
}

/** How many issues are spelled out before the rest are counted ("等 12 处"). */
const ISSUES_SHOWN = 3;

/** All issues of one payload in one line: the first few spelled out, the count of all. */
export function validationMessage(
  issues: readonly Issue[],
  payload: unknown,
  labels?: FieldLabels,
  prefix = '请求的参数不正确',
): string {
  const shown = issues.slice(0, ISSUES_SHOWN).map((issue) => issueMessage(issue, payload, labels));
  const more = issues.length > ISSUES_SHOWN ? ` 等 ${issues.length} 处` : '';
  return oneLine(`${prefix}：${shown.join('；')}${more}`);
}
