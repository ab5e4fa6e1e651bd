import type { MouseEvent, ReactNode } from 'react';
import { Tag } from 'antd';
import type { FigureView } from '../../../../shared/report-draft.js';
import { figureValue } from './figureOptions.js';

interface Props {
  figure: FigureView | undefined;
  label: ReactNode;
  closable: boolean;
  onClose(event?: MouseEvent<HTMLElement>): void;
}

/** A row of a figure table as chosen in the editor: its name with its value now, or 无 when it is left out. */
export function FigureTag({ figure, label, closable, onClose }: Props) {
  const empty = !figure || figure.empty;
  return (
    <Tag
      color={empty ? undefined : 'gold'}
      className={empty ? 'report-chip-empty' : undefined}
      closable={closable}
      onClose={onClose}
      // The select would open on this press; removing a row should not.
      onMouseDown={(event) => event.preventDefault()}
    >
      {label}：{empty ? '无（不列入表中）' : figureValue(figure)}
    </Tag>
  );
}
