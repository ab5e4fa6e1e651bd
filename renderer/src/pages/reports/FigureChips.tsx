import type { ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import type { FigureView } from '../../../../shared/report-draft.js';
import { figureKeysIn, figureValue, isTraceable } from './figureOptions.js';

interface Props {
  text: string;
  /** The figures of the period by key, with their values now. */
  values: ReadonlyMap<string, FigureView>;
  onShow(key: string): void;
  /** Tools kept at the end of the last line of chips. */
  children?: ReactNode;
}

/** The live figures a text names, with their values now: the parts of it the ledgers fill in. */
export function FigureChips({ text, values, onShow, children }: Props) {
  const keys = figureKeysIn(text);
  if (keys.length === 0 && !children) return null;
  return (
    <div className="report-chips">
      {keys.length > 0 && <span className="report-chips-label">自动数据</span>}
      {keys.map((key) => {
        const figure = values.get(key);
        if (!figure) {
          return (
            <Tooltip key={key} title="没有这个数据项，请从“插入数据项”中选择">
              <Tag color="error">{`未知数据项：${key}`}</Tag>
            </Tooltip>
          );
        }
        if (figure.empty) {
          return (
            <Tooltip key={key} title="本期没有数据：含它的句子或 [[…]] 部分不写入报告">
              <Tag className="report-chip-empty">{`${figure.label}：无`}</Tag>
            </Tooltip>
          );
        }
        const value = figure.kind === 'text' && figure.recordCount === 0 ? figure.text : figureValue(figure);
        return isTraceable(figure) ? (
          <Tag key={key} color="gold" className="report-chip" onClick={() => onShow(key)} title="查看来源记录">
            {`${figure.label}：${value}`}
          </Tag>
        ) : (
          <Tag key={key} color="gold">{`${figure.label}：${value}`}</Tag>
        );
      })}
      {children && <div className="report-chips-tools">{children}</div>}
    </div>
  );
}
