import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { ReportContent } from '../../../../shared/report-draft.js';
import { ApiError, call } from '../../api.js';
import type { DraftRef } from './useReportDraft.js';

interface Props {
  draftRef: DraftRef;
  content: ReportContent;
  /** Changes when the figures were counted again, to redraw with the same text. */
  stamp: number;
  /** Figures whose records can be shown; clicking one in the preview asks for them. */
  traceable: ReadonlySet<string>;
  onShowFigure(key: string): void;
  onPages(pages: number): void;
  /** The sections that print a prompt (【待补充】) instead of text: the report cannot go out yet. */
  onOpenSections(sections: string[]): void;
  /** Text just edited: the redrawn preview scrolls to where it is printed. */
  follow: string | undefined;
}

const MARKS = /\{\{[^{}]*\}\}|\[\[|\]\]/;
const EDGE_PUNCTUATION = /^[\s，、；：。！？,;:.!?]+|[\s，、；：。！？,;:.!?]+$/g;

/** A piece of the user's own words in `text` that the printed paragraph will contain as typed. */
function snippetOf(text: string): string | undefined {
  const pieces = text.split(MARKS).map((piece) => piece.replace(EDGE_PUNCTUATION, ''));
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 2 ? longest.slice(0, 8) : undefined;
}

/** How the report prints a required paragraph not yet written. */
const PROMPT_MARK = '【待补充】';

/** The heading (or 正文) above each prompt the printed report holds, as the export names them. */
function openSections(doc: Document): string[] {
  const sections: string[] = [];
  let heading = '正文';
  for (const p of doc.querySelectorAll('p')) {
    if (/(^|\s)h[1-4](\s|$)/.test(p.className)) heading = p.textContent ?? heading;
    else if (p.textContent?.includes(PROMPT_MARK)) sections.push(heading);
  }
  return [...new Set(sections)];
}

const FRAME_CSS = `
.figure.traceable { cursor: pointer; }
.figure.traceable:hover { outline: 1px solid #d4b106; }
`;

/** The report as it will print, A4 pages in an isolated frame, redrawn shortly after the text settles. */
export function ReportPreview(props: Props) {
  const { draftRef, content, stamp, traceable, onShowFigure, onPages, onOpenSections, follow } = props;
  const [html, setHtml] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const frame = useRef<HTMLIFrameElement>(null);
  const scrollTop = useRef(0);
  const handlers = useRef({ traceable, onShowFigure, follow });
  useEffect(() => {
    handlers.current = { traceable, onShowFigure, follow };
  }, [traceable, onShowFigure, follow]);

  // Compared by value: the draft is a new object after every keystroke.
  const request = JSON.stringify({ ...draftRef, content, highlightFigures: true });

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      call('reports.preview', JSON.parse(request) as Parameters<typeof call<'reports.preview'>>[1]).then(
        (result) => {
          if (stale) return;
          scrollTop.current = frame.current?.contentDocument?.scrollingElement?.scrollTop ?? scrollTop.current;
          setHtml(result.html);
          onPages(result.pages);
          setProblem(undefined);
        },
        (error: unknown) => {
          // Counting stopped by the user: the last preview drawn stays.
          if (stale || (error instanceof ApiError && error.code === 'cancelled')) return;
          setProblem(error instanceof Error ? error.message : String(error));
        },
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [request, stamp, onPages]);

  // The frame runs no script of its own; the page marks the figures it can trace and listens for clicks.
  const wire = () => {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    onOpenSections(openSections(doc));
    const style = doc.createElement('style');
    style.textContent = FRAME_CSS;
    doc.head.append(style);
    for (const span of doc.querySelectorAll<HTMLElement>('[data-figure]')) {
      if (!handlers.current.traceable.has(span.dataset.figure ?? '')) continue;
      span.classList.add('traceable');
      span.title = '点击查看来源记录';
    }
    doc.addEventListener('click', (event) => {
      const span = (event.target as Element).closest<HTMLElement>('.figure.traceable');
      if (span?.dataset.figure) handlers.current.onShowFigure(span.dataset.figure);
    });
    // Redrawing after an edit shows the edited text, else keeps the place the user was reading.
    const scroller = doc.scrollingElement;
    if (!scroller) return;
    scroller.scrollTop = scrollTop.current;
    const snippet = handlers.current.follow && snippetOf(handlers.current.follow);
    const edited = snippet && [...doc.querySelectorAll('p')].find((p) => p.textContent?.includes(snippet));
    if (!edited) return;
    // Scrolled by hand: scrollIntoView would scroll the app's own page as well.
    const box = edited.getBoundingClientRect();
    const view = scroller.clientHeight;
    if (box.top < 0 || box.bottom > view) scroller.scrollTop += box.top - view / 3;
  };

  if (problem) return <Alert type="warning" showIcon title="预览暂不可用" description={problem} />;
  if (!html) return <Spin className="report-preview-wait" />;
  return (
    <iframe
      ref={frame}
      title="报告预览"
      srcDoc={html}
      // Same origin so the page can reach the figures; no scripts run inside.
      sandbox="allow-same-origin"
      className="report-preview-frame"
      onLoad={wire}
    />
  );
}
