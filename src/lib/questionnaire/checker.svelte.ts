/**
 * One resident's check: the form state, the household built from it, the live evaluation, the
 * question flow (household → decisive questions → answers summary) and persistence. Components
 * stay thin; tests drive this class directly.
 */
import { MAX_MEMBERS, todayInSeoul, type Evaluation, type ParameterTree, type Rule, type RuleSet } from '../engine';
import type { Locale } from '../i18n';
import type { AnswerStore } from '../storage';
import { noStore } from '../storage';
import { rankSteps, type DecisiveStep } from './decisive';
import { evaluator } from './evaluator';
import {
  buildHousehold,
  initialForm,
  isPristine,
  memberFieldActive,
  memberKey,
  type FormState,
  type IncomeMode,
  type MemberState,
  type Role,
} from './form';
import { PREGNANCY_DETAILS } from './pregnancy';
import type { FieldError } from './parse';
import { restorer } from './restorer';
import { stepErrors, stepProblems } from './steps';

/**
 * The rules, or (on the resident page) a promise of them: their chunk is most of what the app
 * downloads, and the household question needs none of them, so the page works before they arrive.
 */
export type CheckerOptions = (RuleSet | { ruleSet: Promise<RuleSet> }) & {
  store?: AnswerStore;
  /** Evaluation date; default today in Asia/Seoul. */
  asOf?: string;
};

/** Whether the rules are here, still on their way, or could not be downloaded. */
export type RulesStatus = 'ready' | 'loading' | 'failed';

/**
 * What the resident must know about their saved answers, shown where the privacy note is:
 * restoreFailed — what was saved could not be used, so it was deleted and the check starts afresh;
 * notSaved — the last change could not be written (storage full or blocked);
 * otherTab / otherTabDeleted — another tab changed / deleted the answers, and this one follows.
 */
export type StorageNotice = 'restoreFailed' | 'notSaved' | 'otherTab' | 'otherTabDeleted';

export const HOUSEHOLD = 'household';
export const SUMMARY = 'summary';

export class Checker {
  /** Raw state: rule data is large, read-only, and replaced whole, never changed in place. */
  #ruleSet = $state.raw<RuleSet | null>(null);
  #rulesFailed = $state(false);
  /** Where the rules are: here, on their way, or not downloaded. */
  get rulesStatus(): RulesStatus {
    return this.#ruleSet ? 'ready' : this.#rulesFailed ? 'failed' : 'loading';
  }
  /** Resolves once the rules are here (true), or could not be downloaded (false). */
  readonly rulesArrived: Promise<boolean>;
  readonly asOf: string;
  readonly store: AnswerStore;
  form = $state<FormState>(initialForm());
  /** The language chosen here, if any (null: the app's default). */
  locale = $state<Locale | null>(null);
  /** Bumped on every step change, so the new step's heading takes focus. */
  focusToken = $state(0);
  /** Benefits (rule ids) the household says it already receives: saved and wiped with the answers. */
  received = $state<string[]>([]);
  /** Set when "next" was refused because the current step has problems. */
  showErrors = $state(false);
  notice = $state<StorageNotice | null>(null);

  built = $derived.by(() => buildHousehold(this.form, this.asOf));
  /** Null until the household is answered and the rules are here. */
  evaluation: Evaluation | null = $derived.by(() => {
    const household = this.built.household;
    if (!household || !this.#ruleSet) return null;
    try {
      return evaluator()(household, { rules: this.rules, parameters: this.parameters, asOf: this.asOf });
    } catch {
      return null;
    }
  });
  ranking: DecisiveStep[] = $derived.by(() => rankSteps(this.evaluation, this.built.idAt));

  constructor(options: CheckerOptions) {
    if ('ruleSet' in options) {
      this.rulesArrived = options.ruleSet.then(
        (ruleSet) => {
          this.#ruleSet = ruleSet;
          // Saved benefits were restored before any rule could vouch for them.
          this.received = this.knownBenefits(this.received);
          return true;
        },
        (error: unknown) => {
          console.error(error);
          this.#rulesFailed = true;
          return false;
        },
      );
    } else {
      this.#ruleSet = { rules: options.rules, parameters: options.parameters };
      this.rulesArrived = Promise.resolve(true);
    }
    this.asOf = options.asOf ?? todayInSeoul();
    this.store = options.store ?? noStore;
    const stored = this.store.load();
    if (stored === null) return;
    const saved = restorer()(stored);
    if (saved) {
      this.form = saved.form;
      this.locale = saved.locale;
      this.received = this.knownBenefits(saved.received ?? []);
    } else {
      this.store.clear();
      this.notice = 'restoreFailed';
    }
  }

  /**
   * Another tab stored answers (or deleted them): this one takes them over rather than overwrite
   * them with its own on the next change, and says so. What no tab of this app could have written is ignored.
   */
  adopt(stored: unknown): void {
    if (stored === null) {
      this.form = initialForm();
      this.received = [];
      this.notice = 'otherTabDeleted';
    } else {
      const saved = restorer()(stored);
      if (!saved) return;
      this.form = saved.form;
      this.locale = saved.locale;
      this.received = this.knownBenefits(saved.received ?? []);
      this.notice = 'otherTab';
    }
    this.showErrors = false;
  }

  /** The rules, none until they have arrived. */
  get rules(): Rule[] {
    return this.#ruleSet?.rules ?? [];
  }

  get parameters(): ParameterTree {
    return this.#ruleSet?.parameters ?? {};
  }

  /** The step being shown: household, a question step id, or summary. */
  get step(): string {
    const { cursor, visited } = this.form;
    if (cursor === 0) return HOUSEHOLD;
    return cursor <= visited.length ? visited[cursor - 1].step : SUMMARY;
  }

  /** Members asked about on a member question step: those it was shown for, plus any it now decides for. */
  membersFor(step: string): string[] {
    const shown = this.form.visited.filter((v) => v.step === step).flatMap((v) => v.members);
    const now = this.ranking.find((r) => r.step === step)?.members ?? [];
    const ids = new Set([...shown, ...now]);
    return this.form.members.filter((m) => ids.has(m.id) && this.stillAsks(m, step.slice(2))).map((m) => m.id);
  }

  /**
   * Pregnancy details shown once are asked again only while the pregnancy "yes" stands: not after
   * "no", nor while the engine refuses it (too young, male), which the household step shows.
   */
  private stillAsks(member: MemberState, field: string): boolean {
    if (!PREGNANCY_DETAILS.includes(field)) return true;
    return memberFieldActive(member, field) && !this.built.errors[memberKey(member.id, 'pregnant')];
  }

  /** Questions that could still decide something and were not yet shown (for these members). */
  private get fresh(): DecisiveStep[] {
    const shown = new Map<string, Set<string>>();
    for (const v of this.form.visited) shown.set(v.step, new Set([...(shown.get(v.step) ?? []), ...v.members]));
    return this.ranking.filter((r) => {
      const seen = shown.get(r.step);
      return !seen || r.members.some((m) => !seen.has(m));
    });
  }

  /** Questions still to come. */
  get remaining(): number {
    return this.fresh.length;
  }

  get progress(): { current: number; total: number } {
    const total = 1 + this.form.visited.length + this.remaining + 1;
    return { current: Math.min(this.form.cursor + 1, total), total };
  }

  /** Problems on the current step that keep "next" from moving on (as answer keys). */
  get currentErrors(): string[] {
    return stepErrors(this, this.step);
  }

  /** The problem to show next to an answer: invalid input, or (after a refused "next") a missing one. */
  problemFor(key: string): FieldError | undefined {
    return this.built.errors[key] ?? (this.showErrors ? stepProblems(this, this.step)[key] : undefined);
  }

  /** Sets an answer by key (`residence` or `m2.birthDate`). */
  setByKey(key: string, raw: string): void {
    const dot = key.indexOf('.');
    if (dot < 0) this.setAnswer(key, raw);
    else this.setMemberAnswer(key.slice(0, dot), key.slice(dot + 1), raw);
  }

  setAnswer(field: string, raw: string): void {
    this.form.raw[field] = raw;
    this.persist();
  }

  setMemberAnswer(memberId: string, field: string, raw: string): void {
    const member = this.form.members.find((m) => m.id === memberId);
    if (!member) return;
    member.raw[field] = raw;
    this.persist();
  }

  raw(key: string): string {
    const dot = key.indexOf('.');
    if (dot < 0) return this.form.raw[key] ?? '';
    const member = this.form.members.find((m) => m.id === key.slice(0, dot));
    return member?.raw[key.slice(dot + 1)] ?? '';
  }

  setIncomeMode(mode: IncomeMode): void {
    this.form.incomeMode = mode;
    this.persist();
  }

  /** Adds a member and returns its id, or null when the household already has the most a household may have. */
  addMember(role: Role): string | null {
    if (this.form.members.length >= MAX_MEMBERS) return null;
    const id = `m${this.form.nextId}`;
    this.form.nextId += 1;
    this.form.members.push({ id, role, raw: {} });
    this.persist();
    return id;
  }

  removeMember(id: string): void {
    if (this.form.members.length <= 1) return;
    this.form.members = this.form.members.filter((m) => m.id !== id);
    for (const v of this.form.visited) v.members = v.members.filter((m) => m !== id);
    this.persist();
  }

  /** Moves on: to the next step already seen, else the most decisive new question, else the summary. */
  next(): boolean {
    if (this.currentErrors.length > 0) {
      this.showErrors = true;
      return false;
    }
    // Which question comes next is for the rules to say: without them it would be the summary.
    if (this.rulesStatus !== 'ready') return false;
    const { form } = this;
    if (form.cursor > form.visited.length) return false;
    const decisive = new Set(this.ranking.map((r) => r.step));
    form.visited = form.visited.filter((v, i) => i < form.cursor || decisive.has(v.step) || this.hasAnswers(v.step));
    if (form.cursor < form.visited.length) return this.moveTo(form.cursor + 1);
    const fresh = this.fresh[0];
    if (fresh) form.visited.push({ step: fresh.step, members: fresh.members });
    return this.moveTo(form.visited.length + (fresh ? 0 : 1));
  }

  back(): boolean {
    return this.form.cursor > 0 && this.moveTo(this.form.cursor - 1);
  }

  /** Opens any step: the household, the summary, or a question (added to the path when new). */
  goTo(step: string): boolean {
    if (step === HOUSEHOLD) return this.moveTo(0);
    if (step === SUMMARY) return this.moveTo(this.form.visited.length + 1);
    let index = this.form.visited.findIndex((v) => v.step === step);
    if (index < 0) {
      this.form.visited.push({ step, members: this.ranking.find((r) => r.step === step)?.members ?? [] });
      index = this.form.visited.length - 1;
    }
    return this.moveTo(index + 1);
  }

  /** Saved benefit ids that still name a benefit (a rule may have gone since); all of them until the rules are here. */
  private knownBenefits(ids: string[]): string[] {
    if (!this.#ruleSet) return ids;
    const known = new Set(this.rules.map((r) => r.id));
    return ids.filter((id) => known.has(id));
  }

  /** Marks a benefit as one the household already receives (or no longer). */
  setReceived(id: string, on: boolean): void {
    this.received = on ? [...new Set([...this.received, id])] : this.received.filter((r) => r !== id);
    this.persist();
  }

  /** Deletes every answer here and in storage, and starts again. */
  reset(): void {
    this.form = initialForm();
    this.received = [];
    this.showErrors = false;
    this.notice = null;
    this.store.clear();
    this.focusToken += 1;
  }

  setLocale(next: Locale): void {
    this.locale = next;
    this.persist();
  }

  /** Whether any answer was given on a question step (by the members it still asks about). */
  hasAnswers(step: string): boolean {
    if (step === 'income') return this.form.incomeMode !== '';
    const [scope, field] = step.split(':');
    if (scope === 'h') return (this.form.raw[field] ?? '') !== '';
    return this.membersFor(step).some((id) => this.raw(memberKey(id, field)) !== '');
  }

  private moveTo(cursor: number): boolean {
    const entry = this.form.visited[cursor - 1];
    if (entry) entry.members = this.membersFor(entry.step);
    this.form.cursor = cursor;
    this.showErrors = false;
    this.focusToken += 1;
    this.persist();
    return true;
  }

  private persist(): void {
    if (isPristine(this.form) && this.locale === null && this.received.length === 0) this.store.clear();
    else if (!this.store.save({ form: $state.snapshot(this.form), locale: this.locale, received: $state.snapshot(this.received) }))
      this.notice = 'notSaved';
    else if (this.notice === 'notSaved') this.notice = null;
  }
}
