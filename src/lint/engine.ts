// The validation pipeline for one cell group: read → parse → schema → rules (on schema-valid documents, and on a failing record the rules whose inputs are sound).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type {
  CellProfile,
  MeetingRecord,
  RuleOverrides,
  RulesetId,
  Severity,
  YearPlan,
} from '../model.js';
import { getRule, RULES } from '../rules/registry.js';
import { profileIdFor, resolveProfile, stepCatalogue } from '../rules/profiles.js';
import type { DocRef, Report, Rule, RuleEnvironment, RulesProfile } from '../rules/types.js';
import { addDateFormat, validateSchema } from '../schema/validator.js';
import { readSource } from '../source/read.js';
import { parseYaml, type Locator } from '../source/yaml.js';
import { closest } from '../util/closest.js';
import { mergeOptions } from '../util/merge.js';
import type { CellGroup, InputFile } from './collect.js';
import type { RawProblem } from './problem.js';
import { meetingFacts } from '../facts/derive.js';
import type { CellFacts, YearSettings } from '../facts/types.js';

/** Settings of one run that every group shares (plain data: they cross to worker threads). */
export interface EngineOptions {
  asOf: string;
  /** The superior committee's overrides (--rules), applied over the cell's own. */
  rules?: RuleOverrides;
  maxFileBytes?: number;
  /** Overrides of the nearest committee.yaml above each cell folder (folder → overrides), under `rules`. */
  committees?: Record<string, RuleOverrides>;
  /** Also derive each cell's facts (for `report`), with the rules' settings for these calendar years. */
  facts?: { years: number[] };
  /** Texts to check in place of files on disk, by absolute path (the serve page's unsaved edits). */
  overrides?: Record<string, string>;
}

/** What one group yields: its files' problems and, when asked for, its facts. */
export interface GroupOutput {
  results: RawFileResult[];
  facts?: CellFacts;
}

/** Problems of one file, before messages are written in a language. */
export interface RawFileResult {
  file: string;
  problems: RawProblem[];
  unreadable: boolean;
}

interface LoadedDoc {
  input: InputFile;
  problems: RawProblem[];
  unreadable: boolean;
  locator?: Locator;
  /** Set only when the document passed its schema. */
  data?: unknown;
  /** A record that failed its schema: its data and the schema problems' pointers, for rules that declare their inputs. */
  partial?: { data: unknown; broken: string[] };
  /** Whether problems on this document are shown (false for a cell.yaml loaded only for context). */
  reported: boolean;
  /** A record still a stub (`stub: true`). */
  stub?: boolean;
}

/** A rule ready to run: its resolved severity and options. */
interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** A calendar day as records write it; anything else in a stub's date is not trusted to be in the future. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function loadDoc(input: InputFile, options: EngineOptions, reported = true): LoadedDoc {
  const override = options.overrides?.[input.abs];
  const read = override !== undefined ? { ok: true as const, text: override } : readSource(input.abs, options.maxFileBytes);
  if (!read.ok) return { input, problems: [read.problem], unreadable: read.unreadable, reported };
  const parsed = parseYaml(read.text);
  if (parsed.fatal) return { input, problems: parsed.problems, unreadable: false, locator: parsed.locator, reported };
  // A stub from `plan --with-meetings` is unfinished by design: one problem says so, instead of every
  // missing field and step; year checks neither count it nor wait for it. A sitting still to come
  // (dated after --as-of) cannot have been written up yet, so its stub is no problem at all.
  const data = parsed.data as { stub?: unknown; date?: unknown } | null;
  if (input.kind === 'meeting' && data !== null && typeof data === 'object' && data.stub === true) {
    const date = typeof data.date === 'string' ? data.date : '';
    if (ISO_DAY.test(date) && date > options.asOf) {
      return { input, unreadable: false, locator: parsed.locator, reported, stub: true, problems: [] };
    }
    const { line, column } = parsed.locator.locate('/stub', true);
    return {
      input, unreadable: false, locator: parsed.locator, reported, stub: true,
      problems: [{ line, column, ruleId: 'record-complete', severity: 'error', messageId: 'stub', data: { date }, path: '/stub' }],
    };
  }
  // Control characters replaced at parse time are reported beside the schema's problems.
  const problems = [...parsed.problems, ...validateSchema(input.kind, parsed.data, parsed.locator)];
  const valid = problems.length === 0;
  const object = parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data);
  return {
    input,
    problems,
    unreadable: false,
    locator: parsed.locator,
    data: valid ? parsed.data : undefined,
    ...(!valid && object && input.kind === 'meeting' ? { partial: { data: parsed.data, broken: problems.map(problemPointer) } } : {}),
    reported,
  };
}

/** The pointer a problem is about: a missing key is reported on its parent (where a line exists), but it is the key that is broken. */
export function problemPointer(p: Pick<RawProblem, 'path' | 'ruleId' | 'messageId' | 'data'>): string {
  const property = p.data?.property;
  return p.ruleId === 'schema' && p.messageId === 'required' && property !== undefined
    ? `${p.path}/${String(property).replace(/~/g, '~0').replace(/\//g, '~1')}`
    : p.path;
}

/** Whether a problem at `problem` touches the pointer `input` (`*` = any one segment): one lies within the other. */
function touches(problem: string, input: string): boolean {
  const a = problem.split('/');
  const b = input.split('/');
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (b[i] !== '*' && a[i] !== b[i]) return false;
  return true;
}

/** Rules that can judge a record failing its schema: those whose declared inputs no schema problem touches. */
function partialRules(rules: ActiveRule[], broken: string[]): ActiveRule[] {
  return rules.filter((a) => {
    const inputs = a.rule.scope === 'meeting' ? a.rule.inputs : undefined;
    return inputs !== undefined && inputs.every((i) => !broken.some((p) => touches(p, i)));
  });
}

let optionValidators: Map<string, ValidateFunction> | undefined;

function optionValidator(rule: Rule): ValidateFunction {
  if (!optionValidators) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addDateFormat(ajv);
    optionValidators = new Map(RULES.map((r) => [r.id, ajv.compile(r.optionsSchema)]));
  }
  return optionValidators.get(rule.id)!;
}

/**
 * Check a layer of overrides: unknown rule ids and options their rule's schema rejects. Returns the
 * problems (JSON Pointers below `base`) and the layer with the bad entries left out.
 */
export function checkOverrides(
  layer: RuleOverrides | undefined,
  base: string,
): { problems: Omit<RawProblem, 'line' | 'column'>[]; clean: RuleOverrides | undefined } {
  if (!layer) return { problems: [], clean: undefined };
  const problems: Omit<RawProblem, 'line' | 'column'>[] = [];
  const clean: RuleOverrides = {};
  const ids = RULES.map((r) => r.id);
  for (const [id, setting] of Object.entries(layer)) {
    const rule = getRule(id);
    if (!rule) {
      const suggestion = closest(id, ids);
      problems.push({
        ruleId: 'overrides', severity: 'error', path: `${base}/${id}`,
        messageId: suggestion ? 'unknownRuleSuggest' : 'unknownRule',
        data: suggestion ? { rule: id, suggestion } : { rule: id },
      });
      continue;
    }
    if (setting.options) {
      const validate = optionValidator(rule);
      const merged = mergeOptions(rule.defaultOptions, setting.options, rule.optionsSchema);
      if (!validate(merged)) {
        const e = validate.errors![0]!;
        problems.push({
          ruleId: 'overrides', severity: 'error', path: `${base}/${id}/options${e.instancePath}`,
          messageId: 'badOption',
          data: { rule: id, detail: `${e.instancePath || 'options'} ${e.message ?? ''}`.trim() },
        });
        continue;
      }
    }
    clean[id] = setting;
  }
  return { problems, clean };
}

function activeRules(profile: RulesProfile): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const rule of RULES) {
    const setting = profile.rules[rule.id];
    const severity = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    out.push({ rule, severity, options: mergeOptions(rule.defaultOptions, setting?.options, rule.optionsSchema) });
  }
  return out;
}

const LOWER: Record<Severity, number> = { warning: 0, error: 1 };

/** Run the whole pipeline for one cell group. Pure apart from reading the group's files. */
export function processGroup(group: CellGroup, options: EngineOptions): RawFileResult[] {
  return processGroupFacts(group, options).results;
}

/** The option a profile gives a rule (its defaults merged with the profile's and overrides' settings). */
function optionOf(profile: RulesProfile, id: string, key: string): number {
  const rule = getRule(id)!;
  const setting = profile.rules[id];
  if (setting?.severity === 'off') return 0;
  const merged = mergeOptions(rule.defaultOptions, setting?.options, rule.optionsSchema) as Record<string, unknown>;
  return Number(merged[key]);
}

/** The pipeline for one group, plus the group's facts when `options.facts` asks for them. */
export function processGroupFacts(group: CellGroup, options: EngineOptions): GroupOutput {
  const env: RuleEnvironment = { asOf: options.asOf, steps: stepCatalogue() };
  const docs = group.files.map((f) => loadDoc(f, options));
  let cellDoc = docs.find((d) => d.input.kind === 'cell');
  if (!cellDoc && group.cellFile) {
    cellDoc = loadDoc({ abs: group.cellFile, display: group.cellFile, kind: 'cell', fromDir: false, origin: group.cellFile }, options, false);
  }
  const cell = cellDoc?.data as CellProfile | undefined;

  const place = (doc: LoadedDoc, p: Omit<RawProblem, 'line' | 'column'>, key = false) => {
    if (!doc.reported) return;
    const { line, column } = doc.locator ? doc.locator.locate(p.path, key) : { line: 1, column: 1 };
    doc.problems.push({ ...p, line, column });
  };

  // Overrides: the cell's own (reported on cell.yaml) and the committee's (already checked by the caller).
  let cellOverrides: RuleOverrides | undefined;
  if (cell && cellDoc) {
    const checked = checkOverrides(cell.overrides, '/overrides');
    for (const p of checked.problems) place(cellDoc, p, p.messageId !== 'badOption');
    cellOverrides = checked.clean;
  }
  const profileCache = new Map<RulesetId, { profile: RulesProfile; rules: ActiveRule[] }>();
  const rulesFor = (id: RulesetId) => {
    let entry = profileCache.get(id);
    if (!entry) {
      const committee = group.root !== undefined ? options.committees?.[group.root] : undefined;
      // The committee's overrides apply over the cell's own; --rules still wins, rule by rule.
      const superior = committee ? { ...committee, ...options.rules } : options.rules;
      const profile = resolveProfile(id, cellOverrides, superior);
      entry = { profile, rules: activeRules(profile) };
      profileCache.set(id, entry);
    }
    return entry;
  };

  const reporter = (doc: LoadedDoc, active: ActiveRule) => (r: Report) => {
    const severity = r.severity && LOWER[r.severity] < LOWER[active.severity] ? r.severity : active.severity;
    place(
      doc,
      { ruleId: active.rule.id, severity, messageId: r.messageId, path: r.path, ...(r.data ? { data: r.data } : {}) },
      r.key ?? false,
    );
  };

  // Context problems: once per group, on its first reported file, so fifty records do not say it fifty times.
  // A committee.yaml needs no cell: it is checked against its own schema only.
  const firstOther = docs.find((d) => d.input.kind !== 'cell' && d.input.kind !== 'committee');
  if (firstOther && !cell) {
    if (!group.cellFile) {
      // A folder of records sent without its cell.yaml cannot be judged: an error, not a clean run.
      place(firstOther, { ruleId: 'cell-context', severity: firstOther.input.fromDir ? 'error' : 'warning', messageId: 'noCell', path: '' });
    } else if (cellDoc && !cellDoc.reported) {
      place(firstOther, { ruleId: 'cell-context', severity: 'error', messageId: 'cellInvalid', path: '', data: { cellFile: group.cellFile } });
    }
  }

  const profileId = (date: string, own?: RulesetId): RulesetId => own ?? cell?.ruleset ?? profileIdFor(date);

  if (cell && cellDoc?.reported) {
    const { profile, rules } = rulesFor(profileId(options.asOf));
    for (const active of rules) {
      if (active.rule.scope !== 'cell') continue;
      active.rule.check({ cell, file: cellDoc.input.display, options: active.options, profile, env, report: reporter(cellDoc, active) });
    }
  }

  const refs = new Map<DocRef<unknown>, LoadedDoc>();
  const plans: DocRef<YearPlan>[] = [];
  const meetings: DocRef<MeetingRecord>[] = [];
  for (const doc of docs) {
    if (doc.data === undefined && doc.partial) {
      // A record still being filled in: what does not depend on a broken or blank field is judged already.
      const meeting = doc.partial.data as MeetingRecord;
      if (doc.partial.broken.some((p) => touches(p, '/date') || touches(p, '/ruleset'))) continue;
      const { profile, rules } = rulesFor(profileId(meeting.date, meeting.ruleset));
      for (const active of partialRules(rules, doc.partial.broken)) {
        if (active.rule.scope !== 'meeting') continue;
        active.rule.check({ meeting, file: doc.input.display, cell, options: active.options, profile, env, report: reporter(doc, active) });
      }
      continue;
    }
    if (doc.data === undefined) continue;
    if (doc.input.kind === 'meeting') {
      const meeting = doc.data as MeetingRecord;
      const ref: DocRef<MeetingRecord> = { file: doc.input.display, data: meeting };
      refs.set(ref, doc);
      meetings.push(ref);
      const { profile, rules } = rulesFor(profileId(meeting.date, meeting.ruleset));
      for (const active of rules) {
        if (active.rule.scope !== 'meeting') continue;
        active.rule.check({ meeting, file: ref.file, cell, options: active.options, profile, env, report: reporter(doc, active) });
      }
    } else if (doc.input.kind === 'plan') {
      const plan = doc.data as YearPlan;
      const ref: DocRef<YearPlan> = { file: doc.input.display, data: plan };
      refs.set(ref, doc);
      plans.push(ref);
      const { profile, rules } = rulesFor(profileId(`${plan.year}-12-31`, plan.ruleset));
      for (const active of rules) {
        if (active.rule.scope !== 'plan') continue;
        active.rule.check({ plan, file: ref.file, cell, options: active.options, profile, env, report: reporter(doc, active) });
      }
    }
  }

  // Year checks need every record of the cell: run them when the user named the cell's folder (cell.yaml is
  // among the inputs) or, without any cell.yaml, a folder of records.
  const wholeCell = cellDoc ? cellDoc.reported : docs.some((d) => d.input.fromDir);
  // A record that could not be read as data would show up as a "missing" month or a numbering gap:
  // say once that the year checks wait for it, instead of reporting consequences of one mistake.
  const unreadable = docs.filter((d) => d.input.kind !== 'cell' && d.data === undefined && !d.stub).length;
  if (wholeCell && unreadable > 0) {
    const target = cellDoc?.reported ? cellDoc : docs.find((d) => d.data === undefined)!;
    place(target, { ruleId: 'cell-context', severity: 'warning', messageId: 'yearSkipped', path: '', data: { count: unreadable } });
  } else if (wholeCell) {
    const cellRef: DocRef<CellProfile> | undefined = cell && cellDoc ? { file: cellDoc.input.display, data: cell } : undefined;
    if (cellRef) refs.set(cellRef, cellDoc!);
    const years = new Set<number>([...plans.map((p) => p.data.year), ...meetings.map((m) => Number(m.data.date.slice(0, 4)))]);
    const sorted = [...meetings].sort((a, b) =>
      a.data.date === b.data.date ? a.data.start.localeCompare(b.data.start) : a.data.date < b.data.date ? -1 : 1,
    );
    for (const year of [...years].sort()) {
      const { profile, rules } = rulesFor(profileId(`${year}-12-31`));
      const yearPlans = plans.filter((p) => p.data.year === year);
      const yearMeetings = sorted.filter((m) => m.data.date.startsWith(`${year}-`));
      for (const active of rules) {
        if (active.rule.scope !== 'year') continue;
        active.rule.check({
          year, cell: cellRef, plans: yearPlans, meetings: yearMeetings, options: active.options, profile, env,
          report: (ref, r) => {
            const doc = refs.get(ref);
            if (doc) reporter(doc, active)(r);
          },
        });
      }
    }
  }

  const results = docs
    .filter((d) => d.reported)
    .map((d) => ({ file: d.input.display, problems: d.problems, unreadable: d.unreadable }));
  if (!options.facts) return { results };

  // The same cached facts the rules read above: nothing is counted a second time.
  const factsOf = meetings
    .map((m) => meetingFacts(m.data, m.file, cell))
    .sort((a, b) => (a.date === b.date ? a.start.localeCompare(b.start) : a.date < b.date ? -1 : 1));
  const years: YearSettings[] = options.facts.years.map((year) => {
    const { profile } = rulesFor(profileId(`${year}-12-31`));
    return {
      year,
      thematicMin: optionOf(profile, 'thematic-min', 'min'),
      thematicMax: optionOf(profile, 'thematic-max', 'max'),
      maxConsecutive: optionOf(profile, 'absence-streak', 'maxConsecutive'),
      minPresentPercent: optionOf(profile, 'attendance-quality', 'minPresentPercent'),
      thematicPerQuarter: profile.rules['thematic-per-quarter']?.severity !== 'off',
      monthlyRegular: profile.rules['monthly-regular']?.severity !== 'off',
    };
  });
  const facts: CellFacts = {
    root: group.root,
    name: cell?.name.normalize('NFC'),
    recordsFrom: cell?.recordsFrom,
    files: docs.map((d) => d.input.display),
    incomplete: docs.filter((d) => d.data === undefined && !d.stub && (d.reported || d.input.kind === 'cell')).map((d) => d.input.display),
    cellBroken: group.cellFile !== undefined && cell === undefined,
    meetings: factsOf,
    years,
  };
  return { results, facts };
}
