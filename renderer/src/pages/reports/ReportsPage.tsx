import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { parsePeriod } from '../../../../shared/period.js';
import { useApi } from '../../hooks/useApi.js';
import { useUnits } from '../../unit/UnitContext.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { LoadProblem } from '../../components/LoadProblem.js';
import { DraftEditor } from './DraftEditor.js';
import { ReportSidePanel } from './ReportSidePanel.js';
import { ReportToolbar } from './ReportToolbar.js';
import { FigureRecordsDrawer } from './FigureRecordsDrawer.js';
import { useReportDraft, type DraftRef } from './useReportDraft.js';
import { DOCX_MIME, downloadBase64 } from '../../components/downloadBase64.js';
import { readChoice, rememberChoice } from './lastChoice.js';
import { CountingNotice } from './CountingNotice.js';
import './reports.css';

/** 报送: Word reports drafted from the ledgers, edited beside a page-true preview, saved as .docx. */
export function ReportsPage() {
  const { message } = App.useApp();
  const { current } = useUnits();
  const types = useApi('reports.types', {});
  const ledgers = useApi('ledgers.list', {});
  const [choice, setChoice] = useState(readChoice);
  const [activityId, setActivityId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [shownFigure, setShownFigure] = useState<string>();
  const [editedText, setEditedText] = useState<string>();
  const { type, period } = choice;

  useEffect(() => rememberChoice(choice), [choice]);

  const typeList = types.data?.types ?? [];
  const template = typeList.find((t) => t.template.key === type)?.template;
  // A remembered type that has since been deleted falls back to the first one.
  useEffect(() => {
    const first = types.data?.types[0];
    if (first && !template) setChoice((c) => ({ ...c, type: first.template.key }));
  }, [types.data, template]);

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
      current && period && template
        ? { type, period, unitId: current.id, activityId: forActivities ? activityId : null }
        : null,
    [type, period, current, activityId, forActivities, template],
  );
  const report = useReportDraft(draftRef);
  const { draft, content } = report;
  const values = useMemo(() => new Map((draft?.figures ?? []).map((f) => [f.key, f])), [draft]);
  const figure = shownFigure ? values.get(shownFigure) : undefined;
  const opening = draftRef !== null && !content && !report.error;
  const cancelled = report.error instanceof ApiError && report.error.code === 'cancelled';

  const cancelCounting = () => {
    if (draftRef) call('reports.cancel', draftRef).catch((e: unknown) => void message.error(errorMessage(e)));
  };

  const save = async () => {
    setSaving(true);
    try {
      await report.save();
      void message.success('草稿已保存');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const download = async () => {
    if (!draftRef || !content) return;
    setDownloading(true);
    try {
      const file = await call('reports.docx', { ...draftRef, content });
      downloadBase64(file.base64, file.fileName, DOCX_MIME);
      void message.success(`已生成：${file.fileName}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') void message.info(errorMessage(e));
      else void message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title">
        报送材料
      </Typography.Title>
      {types.error && <LoadProblem what="读取报告类型" error={types.error} onRetry={types.reload} />}
      <ReportToolbar
        types={typeList.map((t) => ({ key: t.template.key, label: t.template.label }))}
        typesLoading={types.loading}
        type={type}
        period={period}
        activities={
          forActivities
            ? (activities.data?.rows ?? []).map((r) => ({
                id: r.id,
                label: `${r.recordDate} ${String(r.values.title ?? '')}`,
              }))
            : undefined
        }
        activityId={activityId}
        ready={content !== undefined}
        dirty={report.dirty}
        saving={saving}
        refreshing={report.refreshing}
        downloading={downloading}
        onType={(key) => {
          setChoice((c) => ({ ...c, type: key }));
          setActivityId(null);
        }}
        onPeriod={(p) => setChoice((c) => ({ ...c, period: p }))}
        onActivity={setActivityId}
        onSave={save}
        onRefresh={report.refresh}
        onDownload={download}
      />
      {!period && (
        <Typography.Text type="secondary">请先填写期间，如 2019H1（上半年）或 2019-04（月份）。</Typography.Text>
      )}
      <CountingNotice counting={report.counting || downloading} onCancel={cancelCounting} />
      {cancelled && !report.counting && (
        <Alert
          type="info"
          showIcon
          title={report.error!.message}
          action={
            <Button size="small" onClick={report.reload}>
              重新统计
            </Button>
          }
        />
      )}
      {report.error && !cancelled && <LoadProblem what="打开草稿" error={report.error} onRetry={report.reload} />}
      {opening && <Skeleton active />}
      {draftRef && content && draft && (
        <Row gutter={16} className="report-workspace">
          <Col xs={24} xl={11}>
            <DraftEditor
              content={content}
              figures={types.data?.figures ?? []}
              values={values}
              ledgers={(ledgers.data ?? []).map((l) => ({ key: l.key, label: l.label }))}
              onEdit={report.edit}
              onShowFigure={setShownFigure}
              onEditedText={setEditedText}
            />
          </Col>
          <Col xs={24} xl={13}>
            <ReportSidePanel
              draftRef={draftRef}
              content={content}
              figures={draft.figures}
              stamp={report.stamp}
              onShowFigure={setShownFigure}
              follow={editedText}
            />
          </Col>
        </Row>
      )}
      {draftRef && figure && (
        <FigureRecordsDrawer
          key={figure.key}
          figure={figure}
          draftRef={draftRef}
          onClose={() => setShownFigure(undefined)}
        />
      )}
    </Flex>
  );
}
