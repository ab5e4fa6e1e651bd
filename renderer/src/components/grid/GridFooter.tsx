import { useEffect } from 'react';
import { Flex, Typography } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useApi } from '../../hooks/useApi.js';
import { formatCell, formatCount } from '../../format.js';
import { filterInput, type LedgerView } from '../../records.js';

interface Props {
  definition: LedgerDefinition;
  view: LedgerView;
  blocked: boolean;
  /** The records of the view, from the grid's first block; undefined until it arrives. */
  count: number | undefined;
  selected: number;
  /** Changes after every write, so the totals are asked again. */
  version: number;
}

/** Under the grid: how many records the view holds and the sum of each money field over all of them. */
export function GridFooter({ definition, view, blocked, count, selected, version }: Props) {
  // Asked once the grid's first rows are in, so the sums never hold them up.
  const hasMoney = definition.fields.some((f) => f.type === 'money' || definition.totals?.includes(f.key));
  const totals = useApi(
    'records.totals',
    blocked || count === undefined || !hasMoney ? null : filterInput(definition, view),
  );
  const { reload } = totals;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const money = definition.fields.filter((f) => totals.data?.sums[f.key] !== undefined);
  return (
    <Flex className="grid-footer" gap={24} align="center" wrap aria-label="合计">
      <Typography.Text strong className="grid-total-count">
        {count === undefined ? '正在统计…' : `共 ${formatCount(count)} 条`}
      </Typography.Text>
      {!blocked &&
        count !== undefined &&
        money.map((f) => (
          <Typography.Text key={f.key} className="grid-total-sum">
            {f.label}合计：<span className="cell-figures">{formatCell(f, totals.data!.sums[f.key]!)}</span>
          </Typography.Text>
        ))}
      {selected > 0 && <Typography.Text type="secondary">已选 {formatCount(selected)} 条</Typography.Text>}
    </Flex>
  );
}
