import { memo, useMemo, useState } from 'react';
import { Tabs, Typography } from 'antd';
import type { FigureView, ReportContent } from '../../../../shared/report-draft.js';
import type { DraftRef } from './useReportDraft.js';
import { ReportPreview } from './ReportPreview.js';
import { FigurePanel, listedFigures } from './FigurePanel.js';
import { isTraceable } from './figureOptions.js';

interface Props {
  draftRef: DraftRef;
  content: ReportContent;
  figures: FigureView[];
  stamp: number;
  /** 模板: each figure with the mark that names it in a template. */
  showKeys: boolean;
  onShowFigure(key: string): void;
  onOpenSections(sections: string[]): void;
  follow: string | undefined;
}

/** Beside the editor: the report as it will print, and the period's figures it is filled from. */
export const ReportSidePanel = memo(function ReportSidePanel(props: Props) {
  const { draftRef, content, figures, stamp, showKeys, onShowFigure, onOpenSections, follow } = props;
  const [tab, setTab] = useState('preview');
  const [pages, setPages] = useState(0);
  const traceable = useMemo(() => new Set(figures.filter(isTraceable).map((f) => f.key)), [figures]);
  return (
    <div className="report-side">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="small"
        tabBarExtraContent={
          tab === 'preview' &&
          pages > 0 && (
            <Typography.Text type="secondary" className="report-preview-note">
              共 {pages} 页 · <mark className="report-figure-mark">黄色底</mark>为按台账自动填写的数据，点击查看来源记录
            </Typography.Text>
          )
        }
        items={[
          {
            key: 'preview',
            label: '预览',
            children: (
              <ReportPreview
                draftRef={draftRef}
                content={content}
                stamp={stamp}
                traceable={traceable}
                onShowFigure={onShowFigure}
                onPages={setPages}
                onOpenSections={onOpenSections}
                follow={follow}
              />
            ),
          },
          {
            key: 'figures',
            label: `本期数据（${listedFigures(figures).length} 项）`,
            children: <FigurePanel figures={figures} showKeys={showKeys} onShow={onShowFigure} />,
          },
        ]}
      />
    </div>
  );
});
