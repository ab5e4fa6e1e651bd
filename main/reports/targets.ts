import type { Period } from '../../shared/period.js';
import type { TargetView } from '../../shared/report-draft.js';
import { formatPercent, textFigure, type Figure, type FigureSet } from './figure-types.js';
import type { Region, UnitKind, UnitProfile } from './unit-profile.js';

/**
 * A target (工作目标) a notice sets, in the notice's own words, with whose duty it is and over
 * what span it is measured. A report judges only the targets of its unit's kind and area, over
 * a period long enough for the rule.
 */
export interface TargetSpec {
  key: string;
  /** What is measured, as a report names it. */
  label: string;
  notice: string;
  /** The notice's words (its own spacing around numbers dropped, as print sets them). */
  wording: string;
  figure: string;
  /** 'year': a yearly goal, measured from 1 January; 'semester': a minimum every 学期. */
  per: 'year' | 'semester';
  kind: 'total' | 'share';
  /** Whose duty: a county bureau's, a school's, or both. */
  duty: readonly UnitKind[];
  region: Region;
  goal: number;
  unit: string;
}

export const BUILTIN_TARGETS: readonly TargetSpec[] = [
  {
    key: 'teaching',
    label: '滨江教师支教建始',
    notice: '02',
    // 二、工作目标; （一）协调支教帮扶 puts it on 县教育局.
    wording: '争取滨江教师支教建始100人次',
    figure: 'exchange.teaching',
    per: 'year',
    kind: 'total',
    duty: ['bureau'],
    region: 'jianshi',
    goal: 100,
    unit: '人次',
  },
  {
    key: 'shadowing',
    label: '建始教师赴滨江跟岗培训',
    notice: '02',
    wording: '安排建始教师赴滨江跟岗培训150人',
    figure: 'exchange.shadowing',
    per: 'year',
    kind: 'total',
    duty: ['bureau'],
    region: 'jianshi',
    goal: 150,
    unit: '人次',
  },
  {
    key: 'needy-aid',
    label: '公益助学资助特困家庭学生',
    notice: '02',
    // （三）引导公益助学: 春风助学、同心助学、爱心助学, i.e. the 资助项目 公益助学.
    wording: '实现资助建始县特困家庭学生100人以上目标',
    figure: 'aid.needyStudents',
    per: 'year',
    kind: 'total',
    duty: ['bureau'],
    region: 'jianshi',
    goal: 100,
    unit: '人',
  },
  {
    key: 'publicity',
    label: '县级以上宣传报道',
    notice: '02',
    // 三、组织实施 4. 做好宣传报道: the duty of 各乡镇中心学校、县直学校（园）、结对学校、项目学校.
    wording: '原则上每学期不少于1条县级以上（含县级）宣传报道',
    figure: 'publicity.countyPlus',
    per: 'semester',
    kind: 'total',
    duty: ['school'],
    region: 'jianshi',
    goal: 1,
    unit: '条',
  },
  {
    key: 'poor-share',
    label: '学校食堂向贫困地区采购农产品占比',
    notice: '04',
    // （二）1. 深入开展“校农结合”: 责任单位 各市（州）、县教育局 and the schools.
    wording: '确保2019年全省学校食堂向贫困地区贫困户采购农产品占学校食堂采购总量的50%以上',
    figure: 'procurement.poorShare',
    per: 'year',
    kind: 'share',
    duty: ['bureau', 'school'],
    region: 'guizhou',
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
export function monthsOf(period: Period): number {
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

/**
 * Semesters a period can be judged for: a semester, a half-year or a year. A month or a quarter
 * says nothing about a minimum every 学期, so such a rule is not judged in it at all.
 */
function semestersIn(period: Period): number {
  const months = monthsOf(period);
  return months < 5 ? 0 : Math.max(1, Math.round(months / 6));
}

/** Whether a report on this unit and period may judge the target at all. */
export function targetApplies(spec: TargetSpec, profile: UnitProfile, period: Period): boolean {
  if (spec.region !== profile.region) return false;
  if (!spec.duty.includes(profile.kind)) return false;
  return spec.per === 'year' || semestersIn(period) > 0;
}

function progressOf(spec: TargetSpec, actual: Figure, period: Period): TargetProgress {
  const requirement = `“${spec.wording}”`;
  if (spec.kind === 'share') {
    const met = actual.value >= spec.goal;
    return { spec, actual, requirement, completion: met ? '达到要求' : '低于要求', met, behind: !met };
  }
  if (spec.per === 'year') {
    const ratio = actual.value / spec.goal;
    const elapsed = Number(period.to.slice(5, 7)) / 12;
    const met = ratio >= 1;
    // Behind when less of the goal is done than of the year has passed.
    return { spec, actual, requirement, completion: formatPercent(ratio * 100), met, behind: !met && ratio < elapsed };
  }
  const met = actual.value >= spec.goal * semestersIn(period);
  return { spec, actual, requirement, completion: met ? '达到要求' : '未达到要求', met, behind: !met };
}

/** Progress against each target the unit answers for in this period. */
export function computeTargets(period: Period, profile: UnitProfile, figures: FigureSet): TargetProgress[] {
  const progress: TargetProgress[] = [];
  for (const spec of BUILTIN_TARGETS) {
    if (!targetApplies(spec, profile, period)) continue;
    const actual = figures.get(spec.per === 'year' ? `${YTD_PREFIX}${spec.figure}` : spec.figure);
    if (!actual) continue;
    // An empty ledger may simply not be kept in this file: say nothing rather than "0%".
    if (actual.empty) continue;
    progress.push(progressOf(spec, actual, period));
  }
  return progress;
}

/** The measured value as a report writes it: "92人次", "58.0%". */
export function actualText(p: TargetProgress): string {
  return p.spec.kind === 'share' ? p.actual.text : `${p.actual.text}${p.actual.unit}`;
}

function progressSentence(p: TargetProgress): string {
  const so = p.spec.per === 'year' && p.spec.kind === 'total' ? '累计' : '';
  if (p.spec.per === 'year' && p.spec.kind === 'total')
    return `${p.spec.label}${so}${actualText(p)}，完成${p.requirement}的${p.completion}`;
  return `${p.spec.label}${actualText(p)}，${p.met ? '达到' : '未达到'}${p.requirement}的要求`;
}

function behindPhrase(p: TargetProgress): string {
  if (p.spec.per === 'year' && p.spec.kind === 'total')
    return `${p.spec.label}（累计${actualText(p)}，仅完成年度目标的${p.completion}）`;
  return `${p.spec.label}（${actualText(p)}，未达到${p.requirement}的要求）`;
}

/** Text figures for prose about the targets; each is empty when there is nothing to say. */
export function targetFigures(progress: TargetProgress[]): Figure[] {
  const behind = progress.filter((p) => p.behind);
  const recordsOf = (list: TargetProgress[]) => list.flatMap((p) => p.actual.records);
  const countOf = (list: TargetProgress[]) => list.reduce((t, p) => t + p.actual.recordCount, 0);
  return [
    textFigure(
      'targets.progress',
      '目标完成情况',
      null,
      progress.map(progressSentence).join('；'),
      recordsOf(progress),
      countOf(progress),
    ),
    textFigure(
      'targets.behind',
      '进度滞后的目标',
      null,
      behind.map(behindPhrase).join('、'),
      recordsOf(behind),
      countOf(behind),
    ),
    textFigure(
      'targets.behindNames',
      '进度滞后的目标名称',
      null,
      behind.map((p) => p.spec.label).join('、'),
      recordsOf(behind),
      countOf(behind),
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
    actual: actualText(p),
    completion: p.completion,
    met: p.met,
    behind: p.behind,
    empty: p.actual.empty,
  };
}
