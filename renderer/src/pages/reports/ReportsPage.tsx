import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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
import { useReportChoice } from './useReportChoice.js';
import { CountingNotice } from './CountingNotice.js';
import { useLeaveGuard } from './useLeaveGuard.js';
import { useSettled } from './useSettled.js';
import type { EditorMode } from './editorMode.js';
import './reports.css';

/** 报送: Word reports drafted from the ledgers, edited beside a page-true preview, saved as .docx. */
export function ReportsPage() {
  const { message } = App.useApp();
  const { current } = useUnits();
  const types = useApi('reports.types', {});
  const ledgers = useApi('ledgers.list', {});
  const counted = useMemo(
    () => (types.data ? new Set(types.data.figures.flatMap((f) => (f.ledger ? [f.ledger] : []))) : undefined),
    [types.data],
  );
  const [choice, setChoice, awaitingPeriod] = useReportChoice(current?.id, counted);
  const [activityId, setActivityId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [shownFigure, setShownFigure] = useState<string>();
  const [editedText, setEditedText] = useState<string>();
  const [mode, setMode] = useState<EditorMode>('prose');
  const [openSections, setOpenSections] = useState<string[]>([]);
  const { type, period } = choice;

  const typeList = useMemo(() => types.data?.types ?? [], [types.data]);
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
  useLeaveGuard(report.unsaved, report.save);
  // The preview follows the text once typing pauses: redrawn on every key, it would slow each one.
  const settled = useSettled(
    useMemo(() => ({ draftRef, content, follow: editedText }), [draftRef, content, editedText]),
    300,
  );
  // Another draft just opened shows at once; its text is not the one still settling from before.
  const previewed =
    settled.draftRef === draftRef && settled.content && draftRef
      ? { draftRef, content: settled.content, follow: settled.follow }
      : { draftRef, content, follow: editedText };
  const values = useMemo(() => new Map((draft?.figures ?? []).map((f) => [f.key, f])), [draft]);
  const figure = shownFigure ? values.get(shownFigure) : undefined;
  const opening = draftRef !== null && !content && !report.error;
  const cancelled = report.error instanceof ApiError && report.error.code === 'cancelled';

  const ledgerOptions = useMemo(
    () => (ledgers.data ?? []).map((l) => ({ key: l.key, label: l.label })),
    [ledgers.data],
  );
  const typeOptions = useMemo(
    () => typeList.map((t) => ({ key: t.template.key, label: t.template.label })),
    [typeList],
  );
  const activityOptions = useMemo(
    () =>
      forActivities
        ? (activities.data?.rows ?? []).map((r) => ({
            id: r.id,
            label: `${r.recordDate} ${String(r.values.title ?? '')}`,
          }))
        : undefined,
    [forActivities, activities.data],
  );
  const onType = useCallback((key: string) => {
    setChoice((c) => ({ ...c, type: key }));
    setActivityId(null);
  }, []);
  const onPeriod = useCallback((p: string | undefined) => setChoice((c) => ({ ...c, period: p })), []);

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

  // The toolbar keeps the same handlers while the text changes under it, so typing does not redraw it.
  const actions = useRef({ save, download });
  useLayoutEffect(() => {
    actions.current = { save, download };
  });
  const onSave = useCallback(() => void actions.current.save(), []);
  const onDownload = useCallback(() => void actions.current.download(), []);

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title">
        报送材料
      </Typography.Title>
      {types.error && <LoadProblem what="读取报告类型" error={types.error} onRetry={types.reload} />}
      <ReportToolbar
        types={typeOptions}
        typesLoading={types.loading}
        type={type}
        period={period}
        activities={activityOptions}
        activityId={activityId}
        ready={content !== undefined}
        blocked={openSections.length > 0}
        dirty={report.dirty}
        saveState={report.saveState}
        saving={saving}
        refreshing={report.refreshing}
        downloading={downloading}
        onType={onType}
        onPeriod={onPeriod}
        onActivity={setActivityId}
        onSave={onSave}
        onRefresh={report.refresh}
        onDownload={onDownload}
      />
      {content && openSections.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={`“${openSections.join('”“')}”部分尚待补充，暂不能下载 Word`}
          description="本期台账中没有可写入这一部分的内容：请在标有“待补充”的段落中填写，或删除这个段落。"
        />
      )}
      {!period && !awaitingPeriod && (
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
      {(opening || awaitingPeriod) && <Skeleton active />}
      {draftRef && content && draft && previewed.draftRef && previewed.content && (
        <Row gutter={16} className="report-workspace">
          <Col xs={24} xl={11}>
            <DraftEditor
              content={content}
              mode={mode}
              onMode={setMode}
              figures={types.data?.figures ?? []}
              values={values}
              ledgers={ledgerOptions}
              onEdit={report.edit}
              onShowFigure={setShownFigure}
              onEditedText={setEditedText}
            />
          </Col>
          <Col xs={24} xl={13}>
            <ReportSidePanel
              draftRef={previewed.draftRef}
              content={previewed.content}
              figures={draft.figures}
              stamp={report.stamp}
              showKeys={mode === 'template'}
              onShowFigure={setShownFigure}
              onOpenSections={setOpenSections}
              follow={previewed.follow}
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
