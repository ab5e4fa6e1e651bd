import { useCallback } from 'react';
import { App } from 'antd';
import type { LedgerDefinition } from '../../../shared/ledger-definition.js';
import { isNewChoice } from '../../../shared/validation.js';

type Values = Record<string, string | number | null | undefined>;

/**
 * Asks before a save adds a choice to an extensible field (家庭类型 drives report counts, so "625"
 * must not become a family type unnoticed). Resolves true when there is nothing new or the user
 * agrees; values unchanged from `before` are not asked about again.
 */
export function useConfirmNewChoices(definition: LedgerDefinition) {
  const { modal } = App.useApp();
  return useCallback(
    (values: Values, before: Values = {}): Promise<boolean> => {
      const fresh = definition.fields.filter(
        (f) => isNewChoice(f, values[f.key]) && String(values[f.key]).trim() !== String(before[f.key] ?? '').trim(),
      );
      if (fresh.length === 0) return Promise.resolve(true);
      const list = fresh.map((f) => `${f.label}“${String(values[f.key]).trim()}”`).join('、');
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: `添加新的选项：${list}？`,
          content:
            '这不是已有的选项。添加后，统计和报送材料会把它当作单独的一类计数；如果是录错了，请选“不添加”再改正。',
          okText: '添加为新选项',
          cancelText: '不添加',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
    },
    [definition, modal],
  );
}
