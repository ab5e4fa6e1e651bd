import { memo } from 'react';
import { Badge, Button, Select, Tooltip, Typography } from 'antd';
import { FileWordOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import type { SaveState } from './useReportDraft.js';

/** Where the text stands: the user sees that what was typed is kept without pressing anything. */
function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? '正在保存…'
      : state.kind === 'pending'
        ? '有修改，稍后自动保存'
        : state.kind === 'failed'
          ? `自动保存失败：${state.message}`
          : '已保存';
  return (
    <Typography.Text
      role="status"
      aria-label="保存状态"
      type={state.kind === 'failed' ? 'danger' : 'secondary'}
      className="report-save-state"
    >
      {text}
    </Typography.Text>
  );
}

interface Props {
  types: Array<{ key: string; label: string }>;
  typesLoading: boolean;
  type: string;
  period: string | undefined;
  /** Activities of the period, for a report on one of them; undefined when the type is not about activities. */
  activities: Array<{ id: number; label: string }> | undefined;
  activityId: number | null;
  ready: boolean;
  /** A required section still prints its prompt: the Word file would go out unfinished. */
  blocked: boolean;
  dirty: boolean;
  saveState: SaveState;
  saving: boolean;
  refreshing: boolean;
  downloading: boolean;
  onType(type: string): void;
  onPeriod(period: string | undefined): void;
  onActivity(id: number | null): void;
  onSave(): void;
  onRefresh(): void;
  onDownload(): void;
}

/** Which report (type, period, activity), and what to do with its draft. */
export const ReportToolbar = memo(function ReportToolbar(props: Props) {
  const { types, type, period, activities, activityId, ready, dirty } = props;
  return (
    <div className="report-toolbar">
      <Select
        aria-label="报告类型"
        className="report-type"
        value={type}
        loading={props.typesLoading}
        options={types.map((t) => ({ value: t.key, label: t.label }))}
        onChange={props.onType}
      />
      <PeriodFilter value={period} onChange={props.onPeriod} />
      {activities && (
        <Select
          aria-label="活动"
          className="report-activity"
          allowClear
          placeholder="本期全部活动"
          value={activityId}
          options={activities.map((a) => ({ value: a.id, label: a.label }))}
          onChange={(id: number | undefined) => props.onActivity(id ?? null)}
        />
      )}
      <div className="report-actions">
        {ready && <SaveStatus state={props.saveState} />}
        <Tooltip title="按台账中现在的记录重新计算各项数据，未保存的修改不受影响">
          <Button icon={<ReloadOutlined />} onClick={props.onRefresh} loading={props.refreshing} disabled={!ready}>
            重新统计
          </Button>
        </Tooltip>
        <Badge dot={dirty} title={dirty ? '有未保存的修改' : undefined}>
          <Button icon={<SaveOutlined />} onClick={props.onSave} loading={props.saving} disabled={!dirty}>
            {dirty ? '保存草稿' : '草稿已保存'}
          </Button>
        </Badge>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          onClick={props.onDownload}
          loading={props.downloading}
          disabled={!ready || props.blocked}
        >
          下载 Word
        </Button>
      </div>
    </div>
  );
});
