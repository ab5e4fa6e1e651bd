import { useMemo, useState } from 'react';
import { App, Badge, Button, Col, Flex, Row, Select, Skeleton, Space, Typography } from 'antd';
import { FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { parsePeriod } from '../../../../shared/period.js';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';
import { call, errorMessage } from '../../api.js';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { DraftEditor } from './DraftEditor.js';
import { FigurePanel } from './FigurePanel.js';
import { ReportPreview } from './ReportPreview.js';
import { useReportDraft, type DraftRef } from './useReportDraft.js';
import { DOCX_MIME, downloadBase64 } from './downloadFile.js';
import './reports.css';

/** This half-year, "2019H1": what a half-year summary is usually written for. */
function currentHalfYear(): string {
  const today = new Date();
  return `${today.getFullYear()}H${today.getMonth() < 6 ? 1 : 2}`;
}

/** 报送: Word reports drafted from the ledgers, edited beside a page-true preview, saved as .docx. */
export function ReportsPage() {
  const { message } = App.useApp();
  const { current } = useUnits();
  const types = useApi('reports.types', {});
  const ledgers = useApi('ledgers.list', {});
  const [type, setType] = useState('half-year-summary');
  const [period, setPeriod] = useState<string | undefined>(currentHalfYear);
  const [activityId, setActivityId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const template = types.data?.types.find((t) => t.template.key === type)?.template;
  const forActivities = template?.subject === 'activity';
  const range = period ? parsePeriod(period) : null;
  const activities = useApi(
    'records.list',
    forActivities && current && range
      ? {
          ledger: 'activity',
          unitId: current.id,
          period,
          pageSize: 200,
          sort: { field: 'recordDate', direction: 'asc' },
        }
      : null,
  );

  const draftRef = useMemo<DraftRef | null>(
    () =>
      current && period ? { type, period, unitId: current.id, activityId: forActivities ? activityId : null } : null,
    [type, period, current, activityId, forActivities],
  );
  const { draft, content, dirty, edit, save, error, reload } = useReportDraft(draftRef);

  const saveDraft = async () => {
    setBusy(true);
    try {
      await save();
      void message.success('草稿已保存');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const exportDocx = async () => {
    if (!draftRef || !content) return;
    setBusy(true);
    try {
      const file = await call('reports.docx', { ...draftRef, content });
      downloadBase64(file.base64, file.fileName, DOCX_MIME);
      void message.success(`已生成：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title">
        报送材料
      </Typography.Title>
      {types.error && <LoadProblem what="读取报告类型" error={types.error} onRetry={types.reload} />}
      <Space wrap align="start">
        <Select
          aria-label="报告类型"
          className="report-type"
          value={type}
          loading={types.loading}
          options={(types.data?.types ?? []).map((t) => ({ value: t.template.key, label: t.template.label }))}
          onChange={(key: string) => {
            setType(key);
            setActivityId(null);
          }}
        />
        <PeriodFilter value={period} onChange={setPeriod} />
        {forActivities && (
          <Select
            aria-label="活动"
            className="report-activity"
            allowClear
            placeholder="本期全部活动"
            value={activityId}
            options={(activities.data?.rows ?? []).map((r) => ({
              value: r.id,
              label: `${r.recordDate} ${String(r.values.title ?? '')}`,
            }))}
            onChange={(id: number | undefined) => setActivityId(id ?? null)}
          />
        )}
        <Badge dot={dirty}>
          <Button icon={<SaveOutlined />} onClick={saveDraft} disabled={!dirty || busy}>
            保存草稿
          </Button>
        </Badge>
        <Button type="primary" icon={<FileWordOutlined />} onClick={exportDocx} loading={busy} disabled={!content}>
          导出 Word
        </Button>
      </Space>
      {!period && (
        <Typography.Text type="secondary">请先填写期间，如 2019H1（上半年）或 2019-04（月份）。</Typography.Text>
      )}
      {error && <LoadProblem what="打开草稿" error={error} onRetry={reload} />}
      {draftRef && !content && !error && <Skeleton active />}
      {draftRef && content && draft && (
        <Row gutter={16}>
          <Col xs={24} xl={11}>
            <DraftEditor
              content={content}
              figures={types.data?.figures ?? []}
              ledgers={(ledgers.data ?? []).map((l) => ({ key: l.key, label: l.label }))}
              onEdit={edit}
            />
            <FigurePanel figures={draft.figures} draftRef={draftRef} />
          </Col>
          <Col xs={24} xl={13}>
            <ReportPreview draftRef={draftRef} content={content} />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
