import type { FormRule } from 'antd';

/** The same limits operator.set applies, so the form says them before the call. */
export const OPERATOR_NAME_RULES: FormRule[] = [
  { required: true, whitespace: true, message: '请输入您的姓名' },
  {
    validator: (_rule, value: string | undefined) =>
      [...(value ?? '').trim()].length > 20 ? Promise.reject(new Error('姓名不能超过 20 个字')) : Promise.resolve(),
  },
];
