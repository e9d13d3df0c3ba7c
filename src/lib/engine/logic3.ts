/**
 * Three-valued (Kleene) evaluation of JSON-logic over facts that may be unknown.
 *
 * json-logic-js turns a missing var into null, and {"<": [null, 15]} is true. So unknown is
 * decided here, before json-logic-js sees an expression: a var whose fact is unknown makes its
 * expression UNKNOWN (recording the inputs that would decide it), except where and / or / ! / if
 * and some / all / none can still decide without it. Only fully known expressions reach
 * json-logic-js, with their arguments already evaluated.
 */
import { jsonLogic } from './operations';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Value3 = unknown;

interface FactObject {
  $missing?: Record<string, string[]>;
  [key: string]: unknown;
}

/** Operators that would read absent data in their own way, or that are not allowed in rules. */
export const forbiddenOperators = ['missing', 'missing_some', '==', '!=', 'method'];

const truthy = (v: unknown) => jsonLogic.truthy(v);

function lookup(data: unknown, path: string, missing: Set<string>): Value3 {
  if (path === '') return data;
  let current: unknown = data;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    const holder = current as FactObject | undefined;
    const next = holder?.[parts[i]];
    if (next === undefined || next === null) {
      const inputs = holder?.$missing?.[parts[i]];
      if (inputs) inputs.forEach((f) => missing.add(f));
      return UNKNOWN;
    }
    current = next;
  }
  return current;
}

function operands(logic: Record<string, unknown>, op: string): unknown[] {
  const raw = logic[op];
  return Array.isArray(raw) ? raw : [raw];
}

/** and / or: stop at a deciding value; otherwise UNKNOWN if any operand was unknown. */
function junction(args: unknown[], data: unknown, missing: Set<string>, decides: (v: unknown) => boolean): Value3 {
  let sawUnknown = false;
  let last: unknown;
  for (const arg of args) {
    last = evaluate3(arg, data, missing);
    if (last === UNKNOWN) sawUnknown = true;
    else if (decides(last)) return last;
  }
  return sawUnknown ? UNKNOWN : last;
}

function quantifier(op: 'some' | 'all' | 'none', args: unknown[], data: unknown, missing: Set<string>): Value3 {
  const list = evaluate3(args[0], data, missing);
  if (list === UNKNOWN) return UNKNOWN;
  if (!Array.isArray(list)) throw new TypeError(`${op} needs a list`);
  if (op === 'all' && list.length === 0) return false; // json-logic's own convention
  const outcomes = list.map((item) => {
    const v = evaluate3(args[1], item, missing);
    return v === UNKNOWN ? UNKNOWN : truthy(v);
  });
  const anyTrue = outcomes.includes(true);
  const anyFalse = outcomes.includes(false);
  const anyUnknown = outcomes.includes(UNKNOWN);
  if (op === 'some') return anyTrue ? true : anyUnknown ? UNKNOWN : false;
  if (op === 'none') return anyTrue ? false : anyUnknown ? UNKNOWN : true;
  return anyFalse ? false : anyUnknown ? UNKNOWN : true;
}

function collection(op: 'filter' | 'map', args: unknown[], data: unknown, missing: Set<string>): Value3 {
  const list = evaluate3(args[0], data, missing);
  if (list === UNKNOWN) return UNKNOWN;
  if (!Array.isArray(list)) return [];
  const results = list.map((item) => evaluate3(args[1], item, missing));
  if (results.includes(UNKNOWN)) return UNKNOWN;
  return op === 'map' ? results : list.filter((_, i) => truthy(results[i]));
}

function reduce(args: unknown[], data: unknown, missing: Set<string>): Value3 {
  const list = evaluate3(args[0], data, missing);
  let accumulator = evaluate3(args[2], data, missing);
  if (list === UNKNOWN || accumulator === UNKNOWN) return UNKNOWN;
  if (!Array.isArray(list)) return accumulator;
  for (const current of list) {
    accumulator = evaluate3(args[1], { current, accumulator }, missing);
    if (accumulator === UNKNOWN) return UNKNOWN;
  }
  return accumulator;
}

function conditional(args: unknown[], data: unknown, missing: Set<string>): Value3 {
  let i = 0;
  for (; i + 1 < args.length; i += 2) {
    const condition = evaluate3(args[i], data, missing);
    if (condition === UNKNOWN) {
      // Undecided condition: the answer is known only if every remaining branch agrees.
      const branches = args.slice(i + 1).filter((_, k) => k % 2 === 0 || i + 1 + k === args.length - 1);
      const values = branches.map((b) => evaluate3(b, data, missing));
      if (args.length % 2 === 0) values.push(null);
      const first = values[0];
      return values.every((v) => v !== UNKNOWN && v === first) ? first : UNKNOWN;
    }
    if (truthy(condition)) return evaluate3(args[i + 1], data, missing);
  }
  return i < args.length ? evaluate3(args[i], data, missing) : null;
}

/**
 * Evaluates `logic` against `data`. Returns UNKNOWN when undecidable, adding to `missing`
 * the input fields that would decide it.
 */
export function evaluate3(logic: unknown, data: unknown, missing: Set<string>): Value3 {
  if (Array.isArray(logic)) {
    const values = logic.map((l) => evaluate3(l, data, missing));
    return values.includes(UNKNOWN) ? UNKNOWN : values;
  }
  if (!jsonLogic.is_logic(logic)) return logic;
  const node = logic as Record<string, unknown>;
  const op = jsonLogic.get_operator(node);
  const args = operands(node, op);
  switch (op) {
    case 'var': {
      const path = evaluate3(args[0], data, missing);
      if (path === UNKNOWN) return UNKNOWN;
      return lookup(data, String(path ?? ''), missing);
    }
    case 'and':
      return junction(args, data, missing, (v) => !truthy(v));
    case 'or':
      return junction(args, data, missing, (v) => truthy(v));
    case '!':
    case '!!': {
      const v = evaluate3(args[0], data, missing);
      if (v === UNKNOWN) return UNKNOWN;
      return op === '!' ? !truthy(v) : truthy(v);
    }
    case 'if':
    case '?:':
      return conditional(args, data, missing);
    case 'some':
    case 'all':
    case 'none':
      return quantifier(op, args, data, missing);
    case 'filter':
    case 'map':
      return collection(op, args, data, missing);
    case 'reduce':
      return reduce(args, data, missing);
    default: {
      if (forbiddenOperators.includes(op)) throw new Error(`operator "${op}" is not allowed in rules`);
      const values = args.map((a) => evaluate3(a, data, missing));
      if (values.includes(UNKNOWN)) return UNKNOWN;
      return jsonLogic.apply({ [op]: values } as never, data as never);
    }
  }
}
