/**
 * Three-valued (Kleene) evaluation of JSON-logic over facts that may be unknown: the helpers that
 * compiled rule expressions call, and the table of compiled expressions the engine reads.
 *
 * json-logic-js turns a missing var into null, and {"<": [null, 15]} is true. So unknown is
 * decided before json-logic-js sees an expression: a var whose fact is unknown makes its
 * expression UNKNOWN (recording the inputs that would decide it), except where and / or / ! / if
 * and some / all / none can still decide without it. Only fully known operands reach an operator.
 *
 * Every expression is compiled into plain JavaScript by one code generator
 * (src/build/rules/codegen.ts): at build time into a module of the rules chunk for the browser,
 * whose CSP forbids compiling at run time, and on first use in Node (CLI, tests, benchmarks).
 * Plain code reads each fact by name, which the engine's hot loop needs: it screens tens of
 * thousands of households a second.
 */
import { addMissingInputs } from './facts';
import { customOperations, jsonLogic } from './operations';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Value3 = unknown;

/** Operators that would read absent data in their own way, or that are not allowed in rules. */
export const forbiddenOperators = ['missing', 'missing_some', '==', '!=', 'method'];

/**
 * The inputs an evaluation found missing, each once, in the order found. A list rather than a Set:
 * the engine empties it before every expression, and emptying a list allocates nothing.
 */
export type Missing = string[];
/** A compiled expression: its value for `data`, or UNKNOWN with the inputs that would decide it added to `missing`. */
export type Code = (data: unknown, missing: Missing) => Value3;

export const truthy = (v: unknown): boolean => jsonLogic.truthy(v);

/** The value at `parts` under `data`, or UNKNOWN naming the inputs behind the first absent fact. */
export function lookup(data: unknown, parts: string[], missing: Missing): Value3 {
  let current: unknown = data;
  for (const part of parts) {
    const holder = current as Record<string, unknown> | undefined;
    const next = holder?.[part];
    if (next === undefined || next === null) {
      if (holder && '$missing' in holder) addMissingInputs(holder as never, part, missing);
      return UNKNOWN;
    }
    current = next;
  }
  return current;
}

/**
 * lookup for a var whose value the compiled code found absent, given the holder it read it from:
 * the holder's missing inputs, without walking the path again (or the walk, when the holder is absent).
 */
export function absent(holder: unknown, part: string, data: unknown, parts: string[], missing: Missing): Value3 {
  if (holder === undefined || holder === null) return lookup(data, parts, missing);
  if (holder && '$missing' in (holder as object)) addMissingInputs(holder as never, part, missing);
  return UNKNOWN;
}

/** A var whose path is computed. */
export const lookupPath = (data: unknown, path: unknown, missing: Missing): Value3 =>
  path === UNKNOWN
    ? UNKNOWN
    : lookup(
        data,
        String(path ?? '')
          .split('.')
          .filter(Boolean),
        missing,
      );

/**
 * Forgets the inputs named since `size`: an expression that decided without them does not wait for
 * them, and naming them would ask a question no answer to which changes anything.
 */
function forgetSince(missing: Missing, size: number): void {
  // Setting a list's length calls into the runtime even when it does not change.
  if (missing.length !== size) missing.length = size;
}

/** An if whose condition is unknown: its value is known only if every branch that remains agrees. */
export function agreed(values: unknown[], missing: Missing, size: number): Value3 {
  const first = values[0];
  if (!values.every((v) => v !== UNKNOWN && v === first)) return UNKNOWN;
  forgetSince(missing, size);
  return first;
}

/**
 * Operators called directly rather than through jsonLogic.apply, which costs more than the
 * operation. Each body is json-logic-js 2.0.5's own, and tests/engine/logic3.test.ts checks them
 * against jsonLogic.apply; the generated code writes the two-operand comparisons out inline.
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
  in: (a: unknown, b: { indexOf?: (x: unknown) => number } | null) =>
    !b || typeof b.indexOf === 'undefined' ? false : b.indexOf(a) !== -1,
  cat: (...args: unknown[]) => args.join(''),
  substr: (source: unknown, start: number, end?: number) => {
    if (end !== undefined && end < 0) {
      const temp = String(source).substr(start);
      return temp.substr(0, temp.length + end);
    }
    return String(source).substr(start, end);
  },
  '+': (...args: string[]) => args.reduce((a: number, b) => parseFloat(a as never) + parseFloat(b), 0),
  '*': (...args: string[]) => (args as never[]).reduce((a, b) => (parseFloat(a) * parseFloat(b)) as never),
  min: (...args: number[]) => Math.min(...args),
  max: (...args: number[]) => Math.max(...args),
  merge: (...args: unknown[]) => args.reduce((a: unknown[], b) => a.concat(b), []),
  ...(customOperations as unknown as Record<string, Operator>),
};

/** Any other json-logic-js operator, on known operands. */
export const applyOperator = (op: string, values: unknown[], data: unknown): unknown =>
  jsonLogic.apply({ [op]: values } as never, data as never);

/** What generated code may call, passed to it as `h`. */
export const runtime = { UNKNOWN, truthy, absent, lookupPath, agreed, directOperators, applyOperator };
export type Runtime = typeof runtime;

/**
 * An expression's key in the table of compiled code: a 53-bit hash (cyrb53) of its JSON text,
 * short enough to ship beside every expression; the generator refuses two expressions that share one.
 */
export function expressionKey(logic: unknown): string {
  const text = JSON.stringify(logic) ?? 'undefined';
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const table = new Map<string, Code>();
let compiler: ((logic: unknown) => Code) | null = null;

/** Adds compiled expressions by key: the build's module in the browser (src/lib/rules/index.ts). */
export function provideCode(code: Record<string, Code>): void {
  for (const [key, fn] of Object.entries(code)) table.set(key, fn);
}

/** Compiles expressions the table lacks, where compiling at run time is allowed (Node: src/build/rules/compile.ts). */
export function provideCompiler(compile: (logic: unknown) => Code): void {
  compiler = compile;
}

const byExpression = new WeakMap<object, Code>();

/** The compiled code of an expression (cached per expression object). */
export function codeOf(logic: unknown): Code {
  if (typeof logic !== 'object' || logic === null) return () => logic;
  let fn = byExpression.get(logic);
  if (!fn) {
    const key = expressionKey(logic);
    fn = table.get(key);
    if (!fn) {
      if (!compiler) throw new Error(`rule expression ${JSON.stringify(logic)} was not compiled at build time`);
      table.set(key, (fn = compiler(logic)));
    }
    byExpression.set(logic, fn);
  }
  return fn;
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
