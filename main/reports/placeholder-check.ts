import type { ReadonlyDb } from '../store/readonly-db.js';
import { TaizhangError } from '../store/errors.js';
import type { ReportBlock } from '../../shared/report-draft.js';
import { placeholdersIn } from './fill-text.js';
import { figureCatalogue } from './report-figures.js';

const BLOCK_NAMES: Record<ReportBlock['type'], string> = {
  heading: '标题',
  paragraph: '段落',
  'figure-table': '数据表',
  'target-table': '目标表',
  'activity-list': '活动列表',
};

/** Refuses text naming a figure that does not exist, saying which block and which name. */
export function checkPlaceholders(db: ReadonlyDb, lines: string[], blocks: ReportBlock[]): void {
  const known = new Set(figureCatalogue(db).map((f) => f.key));
  const problems: string[] = [];
  for (const line of lines) {
    for (const key of placeholdersIn(line).filter((k) => !known.has(k)))
      problems.push(`报告标题中的数据项“{{${key}}}”`);
  }
  blocks.forEach((block, i) => {
    const keys =
      block.type === 'heading' || block.type === 'paragraph'
        ? placeholdersIn(block.text)
        : block.type === 'figure-table'
          ? block.figures
          : [];
    for (const key of keys.filter((k) => !known.has(k)))
      problems.push(`第 ${i + 1} 块（${BLOCK_NAMES[block.type]}）中的数据项“{{${key}}}”`);
  });
  if (problems.length > 0) throw new TaizhangError('validation', `${problems.join('、')}不存在，请从数据项列表中选择`);
}
