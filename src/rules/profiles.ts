// Versioned rules profiles: loading profiles/*.yaml, choosing one by date, applying local overrides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CellProfile, RuleOverrides, RulesetId } from '../model.js';
import type { RulesProfile, StepInfo } from './types.js';
import { mergeOptions } from '../util/merge.js';
import { getRule } from './registry.js';
import { packagePath } from '../resources.js';

const PROFILE_DIR = (): string => packagePath('profiles');

/** Every known profile id, newest first. */
export const RULESET_IDS: readonly RulesetId[] = ['hd42-2025', 'hd12-2018'];

let cache: Map<RulesetId, RulesProfile> | undefined;
let stepCache: Record<string, StepInfo> | undefined;

function loadYaml(name: string): unknown {
  return parse(readFileSync(join(PROFILE_DIR(), name), 'utf8'), { version: '1.2', schema: 'core' });
}

/** All shipped profiles by id. */
export function profiles(): Map<RulesetId, RulesProfile> {
  if (!cache) {
    cache = new Map();
    for (const id of RULESET_IDS) cache.set(id, loadYaml(`${id}.yaml`) as RulesProfile);
  }
  return cache;
}

/** The procedure step catalogue (profiles/steps.yaml). */
export function stepCatalogue(): Record<string, StepInfo> {
  stepCache ??= loadYaml('steps.yaml') as Record<string, StepInfo>;
  return stepCache;
}

/** The profile in force on a date: the newest whose `effectiveFrom` is not after it. */
export function profileIdFor(date: string): RulesetId {
  for (const id of RULESET_IDS) {
    if (profiles().get(id)!.effectiveFrom <= date) return id;
  }
  return RULESET_IDS[RULESET_IDS.length - 1]!;
}

/**
 * A profile with overrides applied, later layers winning: the shipped profile, then the cell's own
 * `overrides`, then the superior committee's rules file given with `--rules`.
 */
export function resolveProfile(id: RulesetId, ...layers: (RuleOverrides | undefined)[]): RulesProfile {
  const base = profiles().get(id)!;
  if (layers.every((l) => l === undefined)) return base;
  // Rule ids come from users' files: a null-prototype map, so "constructor" or "__proto__" is just a key.
  const rules: RulesProfile['rules'] = Object.assign(Object.create(null) as RulesProfile['rules'], base.rules);
  for (const layer of layers) {
    if (!layer) continue;
    for (const [ruleId, setting] of Object.entries(layer)) {
      const prev = rules[ruleId] ?? {};
      rules[ruleId] = {
        severity: setting.severity ?? prev.severity,
        options: mergeOptions(prev.options ?? {}, setting.options, getRule(ruleId)?.optionsSchema),
      };
    }
  }
  return { ...base, rules };
}

/**
 * A rule's options for a cell on a date, layered as the validator layers them: the rule's defaults, the
 * profile in force (or the one pinned by `ruleset` or the cell), the cell's `overrides`, then the
 * committee's. Planning and rendering use it so that they count, floor and avoid exactly what
 * `validate` checks.
 */
export function ruleOptions<T = Record<string, unknown>>(
  ruleId: string,
  cell: CellProfile | undefined,
  date: string,
  committee?: RuleOverrides,
  ruleset?: RulesetId,
): T {
  const rule = getRule(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const profile = resolveProfile(ruleset ?? cell?.ruleset ?? profileIdFor(date), cell?.overrides, committee);
  return mergeOptions(rule.defaultOptions as Record<string, unknown>, profile.rules[ruleId]?.options, rule.optionsSchema) as T;
}

