import { FIELD_TYPES, type FieldType } from '../../../../shared/ledger-definition.js';

/** What each field type is called in the editor, with a few words on what it holds. */
export const FIELD_TYPE_NAMES: Record<FieldType, { name: string; hint: string }> = {
  text: { name: '文本', hint: '一行文字' },
  longtext: { name: '长文本', hint: '多行文字，如内容摘要' },
  int: { name: '整数', hint: '整数，如人数、天数' },
  money: { name: '金额', hint: '以元为单位，保留两位小数' },
  date: { name: '日期', hint: '具体日期，如 2019-04-12' },
  month: { name: '月份', hint: '年月，如 2019-04' },
  'fuzzy-time': { name: '模糊时间', hint: '不确定的时间，如 6 月下旬或 7 月上旬' },
  range: { name: '数字或范围', hint: '一个数或一个范围，如 30 或 3-5' },
  enum: { name: '选项', hint: '从给定的几项中选择' },
  idcard: { name: '身份证号', hint: '18 位身份证号，自动核对校验位' },
  phone: { name: '电话', hint: '手机号或带区号的固定电话' },
  person: { name: '人员', hint: '人的姓名' },
  unit: { name: '单位', hint: '学校或单位的名称' },
  url: { name: '网址', hint: '以 http:// 或 https:// 开头' },
  attachments: { name: '附件', hint: '佐证材料文件' },
};

export const FIELD_TYPE_OPTIONS = FIELD_TYPES.map((type) => ({
  value: type,
  label: FIELD_TYPE_NAMES[type].name,
  hint: FIELD_TYPE_NAMES[type].hint,
}));
