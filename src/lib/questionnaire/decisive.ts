/**
 * Which question to ask next: only questions behind some benefit's `missing` inputs, the one
 * missing from the most benefits first (ties: input-model order). A question that
 * decides nothing for this household is never offered.
 */
import { parseInputPath, type Evaluation, type RuleResult } from '../engine';
import { registryOrder, stepForField } from './fields';

export interface InputRef {
  step: string;
  /** The member the input belongs to (a household input: null). */
  memberId: string | null;
}

/** The question step and member behind an engine input path such as `members[1].dueDate`. */
export function refForPath(path: string, idAt: string[]): InputRef | null {
  const { member, field } = parseInputPath(path);
  if (member === null) {
    const step = stepForField('household', field);
    return step ? { step, memberId: null } : null;
  }
  if (field === null) return null;
  const memberId = idAt[member];
  const step = stepForField('member', field);
  return step && memberId ? { step, memberId } : null;
}

/**
 * The inputs a benefit waits for, as question refs: what decides it or its amount, for the household
 * and for each member — one child's open question counts even while another child already qualifies.
 */
export function refsOf(result: RuleResult, idAt: string[]): InputRef[] {
  const paths = new Set([...result.missing, ...(result.candidates ?? []).flatMap((c) => c.missing)]);
  return [...paths].map((p) => refForPath(p, idAt)).filter((r): r is InputRef => r !== null);
}

export interface DecisiveStep {
  step: string;
  /** Benefits (or their amounts) this question could decide. */
  decides: number;
  /** Members it asks about (empty for a household question). */
  members: string[];
}

/** Every question that could still decide a benefit, most decisive first. */
export function rankSteps(evaluation: Evaluation | null, idAt: string[]): DecisiveStep[] {
  if (!evaluation) return [];
  const byStep = new Map<string, { rules: Set<string>; members: Set<string> }>();
  for (const result of evaluation.results) {
    for (const ref of refsOf(result, idAt)) {
      const entry = byStep.get(ref.step) ?? { rules: new Set(), members: new Set() };
      entry.rules.add(result.id);
      if (ref.memberId) entry.members.add(ref.memberId);
      byStep.set(ref.step, entry);
    }
  }
  return [...byStep.entries()]
    .map(([step, e]) => ({ step, decides: e.rules.size, members: [...e.members].sort((a, b) => idAt.indexOf(a) - idAt.indexOf(b)) }))
    .sort((a, b) => b.decides - a.decides || registryOrder(a.step) - registryOrder(b.step));
}

/** The one question that decides `result` best (the highest ranked of its inputs), or null. */
export function decidingStep(result: RuleResult, ranking: DecisiveStep[], idAt: string[]): string | null {
  const own = new Set(refsOf(result, idAt).map((r) => r.step));
  return ranking.find((s) => own.has(s.step))?.step ?? null;
}
