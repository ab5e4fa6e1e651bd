import { Checkbox, Descriptions, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';
import { periodText } from './exportDefaults.js';
import type { ExportChoices, ExportScope } from './exportChoices.js';

interface Props {
  definition: LedgerDefinition;
  scope: ExportScope;
  choices: ExportChoices;
  /** The title the table gets when the user leaves it as it is. */
  defaultTitle: string;
  onChange(change: Partial<ExportChoices>): void;
}

/** How many records the export takes for the first ledger: the grid's cut, for the chosen unit. */
function useScopeCount(definition: LedgerDefinition, scope: ExportScope, unitId: number | undefined) {
  const { data, error } = useApi(
    'records.totals',
    unitId === undefined
      ? null
      : {
          ledger: definition.key,
          unitId,
          ...(scope.period ? { period: scope.period } : {}),
          ...(scope.search ? { search: scope.search } : {}),
          ...(scope.filters?.length ? { filters: scope.filters } : {}),
        },
  );
  if (error) return '无法统计记录数';
  return data ? `${data.count.toLocaleString('zh-CN')} 条记录` : '正在统计…';
}

/** The choices of an export: title, 附件 number, masking, the scope it takes and an optional bundle. */
export function ExportOptionsForm({ definition, scope, choices, defaultTitle, onChange }: Props) {
  const { units } = useUnits();
  const ledgers = useApi('ledgers.list', {});
  const count = useScopeCount(definition, scope, choices.unitId);
  const others = (ledgers.data ?? []).filter((l) => l.key !== definition.key);
  const unitName = units.find((u) => u.id === choices.unitId)?.name ?? '';

  return (
    <Form layout="vertical" component="div" className="export-form">
      <Form.Item
        label="表格标题"
        htmlFor="export-title"
        extra={
          choices.bundle
            ? '用于本台账的工作表；报送包中其他台账使用默认标题'
            : '默认为“期间＋填报单位＋台账名称”，可修改'
        }
      >
        <Input
          id="export-title"
          value={choices.title ?? defaultTitle}
          maxLength={100}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </Form.Item>
      <div className="export-form-row">
        <Form.Item label="附件编号" htmlFor="export-attachment-no" extra="选填，标题上方写“附件N”">
          <InputNumber
            id="export-attachment-no"
            min={1}
            max={999}
            precision={0}
            placeholder="如 1"
            value={choices.attachmentNo ?? null}
            onChange={(n) => onChange({ attachmentNo: typeof n === 'number' ? n : undefined })}
          />
        </Form.Item>
        <Form.Item label="公示脱敏" extra="如 422822********1234、138****8000">
          <Checkbox checked={choices.maskId} onChange={(e) => onChange({ maskId: e.target.checked })}>
            隐藏身份证号和电话的中间几位
          </Checkbox>
        </Form.Item>
      </div>
      <Typography.Text strong>导出范围</Typography.Text>
      <Descriptions size="small" column={1} bordered className="export-scope">
        <Descriptions.Item label="期间">{periodText(scope.period)}</Descriptions.Item>
        <Descriptions.Item label="填报单位">
          {units.length > 1 ? (
            <Select
              aria-label="导出的填报单位"
              className="export-unit"
              size="small"
              value={choices.unitId}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(unitId: number) => onChange({ unitId })}
            />
          ) : (
            unitName
          )}
        </Descriptions.Item>
        {scope.search && <Descriptions.Item label="搜索">“{scope.search}”</Descriptions.Item>}
        <Descriptions.Item label="记录数">{choices.bundle ? `${definition.label} ${count}` : count}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" className="export-scope-note">
        范围与台账页面当前的期间和搜索一致；要换期间，请先在页面上修改后再导出。
      </Typography.Text>
      <Form.Item className="export-bundle">
        <Checkbox checked={choices.bundle} onChange={(e) => onChange({ bundle: e.target.checked })}>
          合并为报送包（多个台账导出到同一个 Excel 文件，每个台账一张工作表）
        </Checkbox>
      </Form.Item>
      {choices.bundle && (
        <Form.Item
          label="同时导出的台账"
          htmlFor="export-bundle-ledgers"
          extra="按同一期间和填报单位整表导出，排在本台账之后"
        >
          <Select
            id="export-bundle-ledgers"
            mode="multiple"
            allowClear
            placeholder="选择要一并报送的台账"
            loading={ledgers.loading}
            value={choices.others}
            optionFilterProp="label"
            options={others.map((l) => ({ value: l.key, label: l.label }))}
            onChange={(keys: string[]) => onChange({ others: keys })}
          />
        </Form.Item>
      )}
    </Form>
  );
}
