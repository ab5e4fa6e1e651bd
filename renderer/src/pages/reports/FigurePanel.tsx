import { memo } from 'react';
import { List, Typography } from 'antd';
import type { FigureView } from '../../../../shared/report-draft.js';
import { figureValue } from './figureOptions.js';

/** Figures of the period worth listing: ledger counts with something in them, not the 年度累计 copies. */
export function listedFigures(figures: FigureView[]): FigureView[] {
  return figures.filter((f) => !f.empty && f.ledger !== null && f.recordCount > 0 && !f.key.startsWith('ytd.'));
}

/** The period's figures with their values now; each opens the records it counts. */
export const FigurePanel = memo(function FigurePanel({
  figures,
  showKeys,
  onShow,
}: {
  figures: FigureView[];
  showKeys: boolean;
  onShow(key: string): void;
}) {
  return (
    <List
      size="small"
      bordered
      className="report-figures"
      header={
        <Typography.Text type="secondary">
          {showKeys
            ? `本期各台账的统计结果，模板中写作 {{数据项}} 的地方按这些数值自动填写。点击一项查看它计入的记录。`
            : '本期各台账的统计结果，正文中黄色底的数字按这些数值自动填写。点击一项查看它计入的记录。'}
        </Typography.Text>
      }
      dataSource={listedFigures(figures)}
      locale={{ emptyText: '本期各台账没有记录' }}
      renderItem={(f) => (
        <List.Item className="report-figure">
          <button type="button" className="report-figure-button" onClick={() => onShow(f.key)}>
            <span className="report-figure-label">{f.label}</span>
            <span className="report-figure-value">{figureValue(f)}</span>
            {showKeys && <code className="report-figure-key">{`{{${f.key}}}`}</code>}
          </button>
        </List.Item>
      )}
    />
  );
});
