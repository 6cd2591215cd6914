// The explicit rule registry: every rule cellctl knows, in documentation order.
import type { Rule } from './types.js';
import meetingSteps from './meeting-steps.js';
import meetingOutcome from './meeting-outcome.js';
import timeRange from './time-range.js';
import durationMin from './duration-min.js';
import attendanceRoster from './attendance-roster.js';
import attendanceQuality from './attendance-quality.js';
import absenceStreak from './absence-streak.js';
import chairSecretary from './chair-secretary.js';
import guestsNotMembers from './guests-not-members.js';
import speakerReference from './speaker-reference.js';
import voteEligibility from './vote-eligibility.js';
import voteMajority from './vote-majority.js';
import scoreTotal from './score-total.js';
import scoreRating from './score-rating.js';
import dateInYear from './date-in-year.js';
import publicHoliday from './public-holiday.js';
import resolutionNumber from './resolution-number.js';
import documentNumber from './document-number.js';
import taskDeadline from './task-deadline.js';
import monthlyRegular from './monthly-regular.js';
import thematicNotRegular from './thematic-not-regular.js';
import thematicPerQuarter from './thematic-per-quarter.js';
import thematicMin from './thematic-min.js';
import thematicMax from './thematic-max.js';
import cellStructure from './cell-structure.js';
import headerFits from './header-fits.js';

/** All rules, in the order docs/rules.md lists them. */
export const RULES: readonly Rule[] = [
  meetingSteps,
  meetingOutcome,
  timeRange,
  durationMin,
  attendanceRoster,
  attendanceQuality,
  absenceStreak,
  chairSecretary,
  guestsNotMembers,
  speakerReference,
  voteEligibility,
  voteMajority,
  scoreTotal,
  scoreRating,
  dateInYear,
  publicHoliday,
  resolutionNumber,
  documentNumber,
  taskDeadline,
  monthlyRegular,
  thematicNotRegular,
  thematicPerQuarter,
  thematicMin,
  thematicMax,
  cellStructure,
  headerFits,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

/** A rule by id, or undefined. */
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
