import type { Period } from '../../shared/period.js';
import type { TargetView } from '../../shared/report-draft.js';
import { formatPercent, textFigure, type Figure, type FigureSet } from './figure-types.js';

/**
 * A target (工作目标) set by a notice, measured by one figure.
 * - 'year': a yearly goal, measured from 1 January of the period's last year to its end;
 * - 'semester': a minimum per semester (学期), measured over the period;
 * - 'share': a minimum percentage, measured over the period.
 */
export interface TargetSpec {
  key: string;
  label: string;
  notice: string;
  figure: string;
  kind: 'year' | 'semester' | 'share';
  goal: number;
  unit: string;
}

export const BUILTIN_TARGETS: readonly TargetSpec[] = [
  { key: 'teaching', label: '支教', notice: '02', figure: 'exchange.teaching', kind: 'year', goal: 100, unit: '人次' },
  {
    key: 'shadowing',
    label: '跟岗培训',
    notice: '02',
    figure: 'exchange.shadowing',
    kind: 'year',
    goal: 150,
    unit: '人',
  },
  {
    key: 'needy-aid',
    label: '资助特困家庭学生',
    notice: '02',
    figure: 'aid.needyStudents',
    kind: 'year',
    goal: 100,
    unit: '人',
  },
  {
    key: 'publicity',
    label: '县级以上宣传报道',
    notice: '02',
    figure: 'publicity.countyPlus',
    kind: 'semester',
    goal: 1,
    unit: '条',
  },
  {
    key: 'poor-share',
    label: '贫困地区采购占比',
    notice: '04',
    figure: 'procurement.poorShare',
    kind: 'share',
    goal: 50,
    unit: '%',
  },
];

export interface TargetProgress {
  spec: TargetSpec;
  /** The figure the target is measured by, over the target's own range. */
  actual: Figure;
  requirement: string;
  completion: string;
  met: boolean;
  behind: boolean;
}

/** Whole months from the start of the period's first month to the end of its last. */
function monthsOf(period: Period): number {
  const [fy, fm] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Year-to-date copies of figures carry this prefix: ytd.exchange.teaching. */
export const YTD_PREFIX = 'ytd.';

/** The date range yearly targets are measured over: 1 January of the period's last year to its end. */
export function yearToDate(period: Period): { from: string; to: string } {
  return { from: `${period.to.slice(0, 4)}-01-01`, to: period.to };
}

function progressOf(spec: TargetSpec, actual: Figure, period: Period): TargetProgress {
  if (spec.kind === 'year') {
    const ratio = actual.value / spec.goal;
    const elapsed = Number(period.to.slice(5, 7)) / 12;
    const met = ratio >= 1;
    return {
      spec,
      actual,
      requirement: `年度目标${spec.goal}${spec.unit}`,
      completion: formatPercent(ratio * 100),
      met,
      // Behind when less of the goal is done than of the year has passed.
      behind: !met && ratio < elapsed,
    };
  }
  if (spec.kind === 'semester') {
    const months = monthsOf(period);
    const semesters = Math.max(1, Math.round(months / 6));
    const required = spec.goal * semesters;
    const met = actual.value >= required;
    return {
      spec,
      actual,
      requirement: `每学期不少于${spec.goal}${spec.unit}`,
      completion: met ? '达到要求' : '未达到要求',
      met,
      // A month or a quarter is too short to judge a per-semester minimum.
      behind: !met && months >= 5,
    };
  }
  const met = actual.value >= spec.goal;
  return {
    spec,
    actual,
    requirement: `不低于${spec.goal}%`,
    completion: met ? '达到要求' : '低于要求',
    met,
    behind: !met,
  };
}

/**
 * Progress against each target whose figure has anything in it. A target whose ledger is empty
 * for the unit is left out: most units carry only some of a county's targets.
 */
export function computeTargets(period: Period, figures: FigureSet): TargetProgress[] {
  const progress: TargetProgress[] = [];
  for (const spec of BUILTIN_TARGETS) {
    const actual = figures.get(spec.kind === 'year' ? `${YTD_PREFIX}${spec.figure}` : spec.figure);
    if (!actual || actual.empty) continue;
    progress.push(progressOf(spec, actual, period));
  }
  return progress;
}

function progressSentence(p: TargetProgress): string {
  const actual = p.spec.kind === 'share' ? p.actual.text : `${p.actual.text}${p.spec.unit}`;
  if (p.spec.kind === 'year') return `${p.spec.label}累计${actual}，完成${p.requirement}的${p.completion}`;
  const verdict = p.met ? '达到' : p.spec.kind === 'share' ? '低于' : '未达到';
  return `${p.spec.label}${actual}，${verdict}${p.requirement}的要求`;
}

function behindPhrase(p: TargetProgress): string {
  if (p.spec.kind === 'year')
    return `${p.spec.label}（累计${p.actual.text}${p.spec.unit}，完成${p.requirement}的${p.completion}）`;
  if (p.spec.kind === 'share') return `${p.spec.label}（${p.actual.text}，要求${p.requirement}）`;
  return `${p.spec.label}（${p.actual.text}${p.spec.unit}，要求${p.requirement}）`;
}

/** Text figures for prose about the targets; each is empty when there is nothing to say. */
export function targetFigures(progress: TargetProgress[]): Figure[] {
  const behind = progress.filter((p) => p.behind);
  const idsOf = (list: TargetProgress[]) => [...new Set(list.flatMap((p) => p.actual.recordIds))];
  return [
    textFigure('targets.progress', '目标完成情况', null, progress.map(progressSentence).join('；'), idsOf(progress)),
    textFigure('targets.behind', '进度滞后的目标', null, behind.map(behindPhrase).join('、'), idsOf(behind)),
    textFigure(
      'targets.behindNames',
      '进度滞后的目标名称',
      null,
      behind.map((p) => p.spec.label).join('、'),
      idsOf(behind),
    ),
  ];
}

export function toTargetView(p: TargetProgress): TargetView {
  return {
    key: p.spec.key,
    label: p.spec.label,
    notice: p.spec.notice,
    requirement: p.requirement,
    figure: p.actual.key,
    actual: p.spec.kind === 'share' ? p.actual.text : `${p.actual.text}${p.spec.unit}`,
    completion: p.completion,
    met: p.met,
    behind: p.behind,
    empty: p.actual.empty,
  };
}
