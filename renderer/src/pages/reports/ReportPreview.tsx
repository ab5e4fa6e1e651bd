import { useEffect, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { ReportContent } from '../../../../shared/report-draft.js';
import { call } from '../../api.js';
import type { DraftRef } from './useReportDraft.js';

/** The report as it will print, A4 pages in an isolated frame, redrawn shortly after each edit. */
export function ReportPreview({ draftRef, content }: { draftRef: DraftRef; content: ReportContent }) {
  const [html, setHtml] = useState<string>();
  const [pages, setPages] = useState(0);
  const [problem, setProblem] = useState<string>();

  // Compared by value: the draft is a new object after every keystroke.
  const request = JSON.stringify({ ...draftRef, content, highlightFigures: true });

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      call('reports.preview', JSON.parse(request) as Parameters<typeof call<'reports.preview'>>[1]).then(
        (result) => {
          if (stale) return;
          setHtml(result.html);
          setPages(result.pages);
          setProblem(undefined);
        },
        (error: unknown) => !stale && setProblem(error instanceof Error ? error.message : String(error)),
      );
    }, 500);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [request]);

  if (problem) return <Alert type="warning" showIcon title="预览暂不可用" description={problem} />;
  if (!html) return <Spin />;
  return (
    <div className="report-preview">
      <div className="report-preview-pages">共 {pages} 页（黄色底为自动填写的数据）</div>
      <iframe title="报告预览" srcDoc={html} sandbox="" className="report-preview-frame" />
    </div>
  );
}
