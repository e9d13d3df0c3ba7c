/**
 * Three-valued (Kleene) evaluation of JSON-logic over facts that may be unknown.
 *
 * json-logic-js turns a missing var into null, and {"<": [null, 15]} is true. So unknown is
 * decided here, before json-logic-js sees an expression: a var whose fact is unknown makes its
 * expression UNKNOWN (recording the inputs that would decide it), except where and / or / ! / if
 * and some / all / none can still decide without it. Only fully known expressions reach
 * json-logic-js, with their arguments already evaluated.
 *
 * Each expression is compiled once into a closure (cached per expression object), because the
 * engine screens tens of thousands of households a second and re-walking JSON trees would not.
 */
import { missingInputs } from './facts';
import { customOperations, jsonLogic } from './operations';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Value3 = unknown;

/** Operators that would read absent data in their own way, or that are not allowed in rules. */
export const forbiddenOperators = ['missing', 'missing_some', '==', '!=', 'method'];

const truthy = (v: unknown) => jsonLogic.truthy(v);

type Missing = Set<string>;
type Compiled = (data: unknown, missing: Missing) => Value3;

const compiled = new WeakMap<object, Compiled>();

function compileVar(args: unknown[]): Compiled {
  if (typeof args[0] !== 'string' && typeof args[0] !== 'number') {
    const path = compile(args[0]);
    return (data, missing) => {
      const p = path(data, missing);
      return p === UNKNOWN
        ? UNKNOWN
        : lookup(
            data,
            String(p ?? '')
              .split('.')
              .filter(Boolean),
            missing,
          );
    };
  }
  const parts = String(args[0]).split('.').filter(Boolean);
  if (parts.length === 2) {
    const [head, tail] = parts;
    return (data, missing) => {
      const holder = (data as Record<string, unknown> | null)?.[head];
      if (holder === undefined || holder === null) return lookup(data, parts, missing);
      const value = (holder as Record<string, unknown>)[tail];
      return value === undefined || value === null ? lookup(data, parts, missing) : value;
    };
  }
  if (parts.length === 1) {
    const [name] = parts;
    return (data, missing) => {
      const value = (data as Record<string, unknown> | null)?.[name];
      return value === undefined || value === null ? lookup(data, parts, missing) : value;
    };
  }
  return (data, missing) => lookup(data, parts, missing);
}

function lookup(data: unknown, parts: string[], missing: Missing): Value3 {
  let current: unknown = data;
  for (const part of parts) {
    const holder = current as Record<string, unknown> | undefined;
    const next = holder?.[part];
    if (next === undefined || next === null) {
      if (holder && '$missing' in holder) for (const f of missingInputs(holder as never, part)) missing.add(f);
      return UNKNOWN;
    }
    current = next;
  }
  return current;
}

/**
 * Forgets the inputs named since `size`: an expression that decided without them does not wait for
 * them, and naming them would ask a question no answer to which changes anything.
 */
function forgetSince(missing: Missing, size: number): void {
  if (missing.size === size) return;
  let i = 0;
  for (const m of missing) {
    if (i >= size) missing.delete(m);
    i += 1;
  }
}

/** and / or: stop at a deciding value; otherwise UNKNOWN if any operand was unknown. */
function compileJunction(args: Compiled[], decides: (v: unknown) => boolean): Compiled {
  return (data, missing) => {
    const size = missing.size;
    let sawUnknown = false;
    let last: unknown;
    for (const arg of args) {
      last = arg(data, missing);
      if (last === UNKNOWN) sawUnknown = true;
      else if (decides(last)) {
        forgetSince(missing, size);
        return last;
      }
    }
    return sawUnknown ? UNKNOWN : last;
  };
}

function compileQuantifier(op: 'some' | 'all' | 'none', [listOf, test]: Compiled[]): Compiled {
  return (data, missing) => {
    const list = listOf(data, missing);
    if (list === UNKNOWN) return UNKNOWN;
    if (!Array.isArray(list)) throw new TypeError(`${op} needs a list`);
    const size = missing.size;
    if (op === 'all' && list.length === 0) return false; // json-logic's own convention
    let anyTrue = false;
    let anyFalse = false;
    let anyUnknown = false;
    for (const item of list) {
      const v = test(item, missing);
      if (v === UNKNOWN) anyUnknown = true;
      else if (truthy(v)) anyTrue = true;
      else anyFalse = true;
    }
    const decided = op === 'all' ? anyFalse : anyTrue;
    if (decided) forgetSince(missing, size);
    if (op === 'some') return anyTrue ? true : anyUnknown ? UNKNOWN : false;
    if (op === 'none') return anyTrue ? false : anyUnknown ? UNKNOWN : true;
    return anyFalse ? false : anyUnknown ? UNKNOWN : true;
  };
}

function compileCollection(op: 'filter' | 'map', [listOf, each]: Compiled[]): Compiled {
  return (data, missing) => {
    const list = listOf(data, missing);
    if (list === UNKNOWN) return UNKNOWN;
    if (!Array.isArray(list)) return [];
    const results = list.map((item) => each(item, missing));
    if (results.includes(UNKNOWN)) return UNKNOWN;
    return op === 'map' ? results : list.filter((_, i) => truthy(results[i]));
  };
}

function compileReduce([listOf, step, initial]: Compiled[]): Compiled {
  return (data, missing) => {
    const list = listOf(data, missing);
    let accumulator = initial ? initial(data, missing) : null;
    if (list === UNKNOWN || accumulator === UNKNOWN) return UNKNOWN;
    if (!Array.isArray(list)) return accumulator;
    for (const current of list) {
      accumulator = step({ current, accumulator }, missing);
      if (accumulator === UNKNOWN) return UNKNOWN;
    }
    return accumulator;
  };
}

function compileConditional(args: Compiled[]): Compiled {
  return (data, missing) => {
    const size = missing.size;
    let i = 0;
    for (; i + 1 < args.length; i += 2) {
      const condition = args[i](data, missing);
      if (condition === UNKNOWN) {
        // Undecided condition: the answer is known only if every remaining branch agrees.
        const values: unknown[] = [];
        for (let k = i + 1; k < args.length; k += 2) values.push(args[k](data, missing));
        if (args.length % 2 === 1) values.push(args[args.length - 1](data, missing));
        else values.push(null);
        const first = values[0];
        if (!values.every((v) => v !== UNKNOWN && v === first)) return UNKNOWN;
        forgetSince(missing, size);
        return first;
      }
      if (truthy(condition)) return args[i + 1](data, missing);
    }
    return i < args.length ? args[i](data, missing) : null;
  };
}

/**
 * The hottest json-logic-js operators, called directly: going through jsonLogic.apply for every
 * comparison costs more than the comparison. Each body is json-logic-js 2.0.5's own, and
 * tests/engine/logic3.test.ts checks them against jsonLogic.apply; every other operator goes
 * through jsonLogic.apply.
 */
type Operator = (...args: never[]) => unknown;
export const directOperators: Record<string, Operator> = {
  '===': (a: unknown, b: unknown) => a === b,
  '!==': (a: unknown, b: unknown) => a !== b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '<': (a: number, b: number, c?: number) => (c === undefined ? a < b : a < b && b < c),
  '<=': (a: number, b: number, c?: number) => (c === undefined ? a <= b : a <= b && b <= c),
  '-': (a: number, b?: number) => (b === undefined ? -a : a - b),
  '/': (a: number, b: number) => a / b,
  '%': (a: number, b: number) => a % b,
  ...(customOperations as unknown as Record<string, Operator>),
};

/** Any other operator: evaluate the arguments; if all are known, apply the operator. */
function compileOperator(op: string, args: Compiled[]): Compiled {
  if (forbiddenOperators.includes(op)) throw new Error(`operator "${op}" is not allowed in rules`);
  const direct = Object.hasOwn(directOperators, op) ? (directOperators[op] as (...a: unknown[]) => unknown) : null;
  // Most comparisons take two operands: no array, no spread.
  if (direct && args.length === 2) {
    const [first, second] = args;
    return (data, missing) => {
      const a = first(data, missing);
      const b = second(data, missing);
      return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : direct(a, b);
    };
  }
  return (data, missing) => {
    const values = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i += 1) {
      const v = args[i](data, missing);
      if (v === UNKNOWN) {
        // Finish the other arguments so every missing input is named, not just the first.
        for (let k = i + 1; k < args.length; k += 1) args[k](data, missing);
        return UNKNOWN;
      }
      values[i] = v;
    }
    return direct ? direct(...values) : jsonLogic.apply({ [op]: values } as never, data as never);
  };
}

function compileNode(logic: unknown): Compiled {
  if (Array.isArray(logic)) {
    const items = logic.map(compile);
    return (data, missing) => {
      const values = items.map((item) => item(data, missing));
      return values.includes(UNKNOWN) ? UNKNOWN : values;
    };
  }
  if (!jsonLogic.is_logic(logic)) return () => logic;
  const node = logic as Record<string, unknown>;
  const op = jsonLogic.get_operator(node);
  const raw = node[op];
  const rawArgs = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') return compileVar(rawArgs);
  const args = rawArgs.map(compile);
  switch (op) {
    case 'and':
      return compileJunction(args, (v) => !truthy(v));
    case 'or':
      return compileJunction(args, (v) => truthy(v));
    case '!':
    case '!!':
      return (data, missing) => {
        const v = args[0](data, missing);
        return v === UNKNOWN ? UNKNOWN : op === '!' ? !truthy(v) : truthy(v);
      };
    case 'if':
    case '?:':
      return compileConditional(args);
    case 'some':
    case 'all':
    case 'none':
      return compileQuantifier(op, args);
    case 'filter':
    case 'map':
      return compileCollection(op, args);
    case 'reduce':
      return compileReduce(args);
    default:
      return compileOperator(op, args);
  }
}

/** The compiled form of a JSON-logic expression, built once per expression object. */
export function compile(logic: unknown): Compiled {
  if (typeof logic !== 'object' || logic === null) return () => logic;
  let fn = compiled.get(logic);
  if (!fn) compiled.set(logic, (fn = compileNode(logic)));
  return fn;
}

/**
 * Evaluates `logic` against `data`. Returns UNKNOWN when undecidable, adding to `missing`
 * the input fields that would decide it.
 */
export function evaluate3(logic: unknown, data: unknown, missing: Missing): Value3 {
  return compile(logic)(data, missing);
}

/**
 * Whether an expression may read the member being checked: any var under `member`, or one whose
 * path is computed or is the whole scope. Conservative: a var in a quantifier's body reads the
 * list item, yet a `member…` one there still counts.
 */
export function readsMember(logic: unknown): boolean {
  if (Array.isArray(logic)) return logic.some(readsMember);
  if (!jsonLogic.is_logic(logic)) return false;
  const node = logic as Record<string, unknown>;
  const op = jsonLogic.get_operator(node);
  const args = node[op];
  if (op === 'var') {
    const path = Array.isArray(args) ? args[0] : args;
    if (typeof path !== 'string') return typeof path !== 'number';
    const head = path.split('.')[0];
    return head === '' || head === 'member' || head === 'count';
  }
  return readsMember(args);
}
