// committee.yaml: the superior committee's file — finding the nearest one above a cell, reading and checking it.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { checkOverrides } from '../lint/engine.js';
import { readValidated } from '../lint/load.js';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import type { IsoDate, RuleOverrides } from '../model.js';

/** Chức vụ in the committee. */
export type CommitteeRole = 'secretary' | 'deputy-secretary' | 'standing-committee' | 'committee-member';

/** One member of the committee (cấp ủy viên). */
export interface CommitteeMember {
  id?: string;
  name: string;
  role: CommitteeRole;
}

/** Which member follows which cells, and how many of their meetings a year they must attend. */
export interface Assignment {
  /** Id or name of a committee member. */
  member: string;
  /** Folders of the cells followed. */
  cells: string[];
  /** Visits required per cell per year (default 1). */
  visitsPerYear?: number;
}

/** committee.yaml: a ward, commune, special-zone or workplace Party committee and its cells. */
export interface Committee {
  name: string;
  kind: 'ward' | 'commune' | 'special-zone' | 'workplace';
  place: string;
  /** The superior body, first line of the report's header. */
  parent?: string;
  cells: { folder: string; name: string }[];
  members?: CommitteeMember[];
  assignments?: Assignment[];
  numbering?: { code?: string; next?: number; termStart?: IsoDate };
  /** Nơi nhận of the committee's reports; by default derived from the superior body. */
  recipients?: string[];
  overrides?: RuleOverrides;
}

/** The committee file's name. */
export const COMMITTEE_FILE = 'committee.yaml';

/** The nearest committee.yaml in `dir` or a folder above it (as ESLint finds its config), if any. */
export function findCommitteeFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, COMMITTEE_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const up = dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}

/** Read and check a committee.yaml; anything wrong in it stops the run (exit 2) with file, line, column and the fix. */
export function loadCommittee(path: string, lang: Lang, display = path): Committee {
  const fail = (line: number, column: number, ruleId: string, messageId: string, data?: Record<string, string | number>) =>
    new ConfigError(`${display}:${line}:${column}: ${messageText(ruleId, messageId, data, lang)}`);
  const r = readValidated(path, 'committee');
  if (!r.ok) throw fail(r.problem.line, r.problem.column, r.problem.ruleId, r.problem.messageId, r.problem.data);
  const committee = r.data as Committee;
  const checked = checkOverrides(committee.overrides, '/overrides');
  const bad = checked.problems[0];
  if (bad) {
    const { line, column } = r.locator.locate(bad.path, bad.messageId !== 'badOption');
    throw fail(line, column, bad.ruleId, bad.messageId, bad.data);
  }
  const nfc = (s: string) => s.normalize('NFC');
  return {
    ...committee,
    name: nfc(committee.name),
    place: nfc(committee.place),
    ...(committee.parent ? { parent: nfc(committee.parent) } : {}),
    cells: committee.cells.map((c) => ({ folder: c.folder, name: nfc(c.name) })),
    ...(committee.members ? { members: committee.members.map((m) => ({ ...m, name: nfc(m.name) })) } : {}),
    ...(checked.clean ? { overrides: checked.clean } : {}),
  };
}

/** The committee's overrides with `--rules` on top: the command line wins, rule by rule. */
export function superiorRules(committee: RuleOverrides | undefined, flag: RuleOverrides | undefined): RuleOverrides | undefined {
  if (!committee) return flag;
  if (!flag) return committee;
  return { ...committee, ...flag };
}

/**
 * The rules a committee's report is coloured by: the overrides of the nearest committee.yaml from `dir`
 * (in it or above, as report() finds it), with `flag` (a `--rules` file) over them.
 */
export function reportRules(dir: string, lang: Lang, flag?: RuleOverrides): RuleOverrides | undefined {
  const file = findCommitteeFile(dir);
  return superiorRules(file ? loadCommittee(file, lang).overrides : undefined, flag);
}

/**
 * The overrides of the nearest committee.yaml above each cell folder (folder → overrides), for the
 * engine. A broken committee.yaml throws a ConfigError, as a broken --rules file does.
 */
export function committeeRulesFor(roots: readonly (string | undefined)[], cwd: string, lang: Lang): Record<string, RuleOverrides> {
  const out: Record<string, RuleOverrides> = {};
  const loaded = new Map<string, RuleOverrides | undefined>();
  for (const root of roots) {
    if (root === undefined || root in out) continue;
    const file = findCommitteeFile(dirname(root));
    if (!file) continue;
    if (!loaded.has(file)) loaded.set(file, loadCommittee(file, lang, relative(cwd, file) || file).overrides);
    const overrides = loaded.get(file);
    if (overrides) out[root] = overrides;
  }
  return out;
}
