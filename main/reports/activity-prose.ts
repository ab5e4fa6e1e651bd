import { activityDate, quoted, type Activity } from './activities.js';

/*
 * Paragraphs about the activities of a period. Activities of one kind share their 内容摘要 and
 * 成效 in a ledger ("演出节目，观看群众踊跃" under every performance), so those are written once
 * per group of activities that share them, never once per activity: a report that says the same
 * sentence twice reads as a form, not as a summary.
 */

export type ActivityDetail = 'none' | 'summary' | 'results';

function endSentence(text: string): string {
  const trimmed = text.trim().replace(/[，、；,;]+$/, '');
  return /[。！？]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** The sentence without its closing mark, to go on after a comma. */
function clause(text: string): string {
  return text.trim().replace(/[。！？，、；,;.!?]+$/, '');
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/** “甲”“乙”, or “甲”“乙”等5次活动 past three. */
function titles(group: Activity[]): string {
  const names = distinct(group.map((a) => a.title)).map(quoted);
  if (group.length <= 3) return names.slice(0, 3).join('');
  return `${names.slice(0, 3).join('')}等${group.length}次活动`;
}

/** The reporting unit, to write of itself as 我局 or 我校 when it organised an activity. */
export interface Writer {
  name: string;
  self: string;
}

function organisers(group: Activity[], writer: Writer): string {
  const names = distinct(group.map((a) => (a.organizer === writer.name ? writer.self : a.organizer)));
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等${names.length}个单位`;
}

function groupBy(activities: Activity[], key: (a: Activity) => string): Activity[][] {
  const groups = new Map<string, Activity[]>();
  for (const a of activities) {
    const k = key(a);
    const group = groups.get(k);
    if (group) group.push(a);
    else groups.set(k, [a]);
  }
  return [...groups.values()];
}

function people(group: Activity[]): string {
  const sum = (of: (a: Activity) => number | null) => group.reduce((t, a) => t + (of(a) ?? 0), 0);
  const participants = sum((a) => a.participants);
  const beneficiaries = sum((a) => a.beneficiaries);
  const unit = group.length > 1 ? '人次' : '人';
  return [participants ? `参与${participants}${unit}` : '', beneficiaries ? `受益${beneficiaries}${unit}` : '']
    .filter(Boolean)
    .join('，');
}

/** "2019年10月17日，建始县实验小学在学校操场开展“扶贫日”爱心义卖，参与320人，受益45人。" */
function oneActivity(a: Activity, withYear: boolean, writer: Writer): string {
  const who = organisers([a], writer);
  const where = a.location && a.location !== a.organizer ? `在${a.location}` : '';
  const head = `${activityDate(a, withYear)}，${who}${where}开展${quoted(a.title)}`;
  const counts = people([a]);
  return `${head}${counts ? `，${counts}` : ''}。`;
}

/** Activities sharing one 内容摘要: when, who and what once, then the summary once. */
function summaryParagraph(group: Activity[], withYear: boolean, writer: Writer): string {
  const summary = group[0]!.summary;
  if (group.length === 1) {
    const line = oneActivity(group[0]!, withYear, writer);
    return summary ? `${line}${endSentence(summary)}` : line;
  }
  const dates = distinct(group.map((a) => activityDate(a, withYear)));
  const who = organisers(group, writer);
  const counts = people(group);
  const head = `${dates.length <= 3 ? dates.join('、') : `${dates[0]}至${dates[dates.length - 1]}`}，${who ? `${who}先后` : '先后'}开展${titles(group)}${counts ? `，共${counts}` : ''}`;
  return summary ? `${head}。${endSentence(summary)}` : `${head}。`;
}

/** Activities sharing one 成效: who did which, then the result once. */
function resultParagraph(group: Activity[], writer: Writer): string {
  const who = organisers(group, writer);
  const lead = who ? `${who}开展的${titles(group)}` : `开展${titles(group)}`;
  return `${lead}，${endSentence(clause(group[0]!.results))}`;
}

/** The paragraphs an activity list prints. */
export function activityParagraphs(
  activities: Activity[],
  detail: ActivityDetail,
  withYear: boolean,
  writer: Writer,
): string[] {
  if (detail === 'results') {
    return groupBy(
      activities.filter((a) => a.results),
      (a) => clause(a.results),
    ).map((g) => resultParagraph(g, writer));
  }
  if (detail === 'summary') {
    return groupBy(activities, (a) => (a.summary ? clause(a.summary) : `#${a.id}`)).map((g) =>
      summaryParagraph(g, withYear, writer),
    );
  }
  return activities.map((a) => oneActivity(a, withYear, writer));
}
