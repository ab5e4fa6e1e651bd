import { LedgerDefinitionSchema, type LedgerDefinition } from '../../shared/ledger-definition.js';
import exchange from '../../resources/ledgers/exchange.json';
import pairing from '../../resources/ledgers/pairing.json';
import studentAid from '../../resources/ledgers/student-aid.json';
import dropout from '../../resources/ledgers/dropout.json';
import procurement from '../../resources/ledgers/procurement.json';
import teacherTraining from '../../resources/ledgers/teacher-training.json';
import publicity from '../../resources/ledgers/publicity.json';
import donation from '../../resources/ledgers/donation.json';
import activity from '../../resources/ledgers/activity.json';
import householdVisit from '../../resources/ledgers/household-visit.json';
import vocationalReferral from '../../resources/ledgers/vocational-referral.json';
import rectification from '../../resources/ledgers/rectification.json';
import project from '../../resources/ledgers/project.json';
import trainingPlan from '../../resources/ledgers/training-plan.json';
import expertTraining from '../../resources/ledgers/expert-training.json';
import task from '../../resources/ledgers/task.json';
import liaison from '../../resources/ledgers/liaison.json';

/**
 * The catalogue that ships with the app, in the order the UI lists it: LEDGERS.md's table order,
 * the 12 record ledgers first, then the 5 plan and list tables.
 */
const SOURCES: ReadonlyArray<{ file: string; json: unknown }> = [
  { file: 'exchange.json', json: exchange },
  { file: 'pairing.json', json: pairing },
  { file: 'student-aid.json', json: studentAid },
  { file: 'dropout.json', json: dropout },
  { file: 'procurement.json', json: procurement },
  { file: 'teacher-training.json', json: teacherTraining },
  { file: 'publicity.json', json: publicity },
  { file: 'donation.json', json: donation },
  { file: 'activity.json', json: activity },
  { file: 'household-visit.json', json: householdVisit },
  { file: 'vocational-referral.json', json: vocationalReferral },
  { file: 'rectification.json', json: rectification },
  { file: 'project.json', json: project },
  { file: 'training-plan.json', json: trainingPlan },
  { file: 'expert-training.json', json: expertTraining },
  { file: 'task.json', json: task },
  { file: 'liaison.json', json: liaison },
];

/** Parses every shipped definition; a broken one stops start-up with its file named. */
export function loadBuiltinLedgers(): LedgerDefinition[] {
  return SOURCES.map(({ file, json }) => {
    const parsed = LedgerDefinitionSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
      throw new Error(`内置台账定义 resources/ledgers/${file} 有误：${problems}`);
    }
    return parsed.data;
  });
}
