/**
 * The one code generator for rule expressions: JSON-logic in, plain JavaScript out, with the
 * engine's three-valued semantics (src/lib/engine/logic3.ts). The Vite plugin ships its output as a
 * module of the rules chunk (the browser's CSP forbids compiling at run time); Node compiles the
 * same text on first use (./compile.ts). Facts are read by name (`d["member"]["ageYears"]`), so
 * V8 can keep each read site monomorphic; operands are evaluated in the order, and inputs recorded
 * as missing in the order, of the reference semantics (tests/engine/logic3.test.ts).
 */
import jsonLogic from 'json-logic-js';
import { directOperators, expressionKey, forbiddenOperators } from '../../lib/engine/logic3';

/** Two-operand operators written out inline; their bodies are those of directOperators. */
const INLINE: Record<string, (a: string, b: string) => string> = {
  '===': (a, b) => `${a} === ${b}`,
  '!==': (a, b) => `${a} !== ${b}`,
  '>': (a, b) => `${a} > ${b}`,
  '>=': (a, b) => `${a} >= ${b}`,
  '<': (a, b) => `${a} < ${b}`,
  '<=': (a, b) => `${a} <= ${b}`,
  '-': (a, b) => `${a} - ${b}`,
  '/': (a, b) => `${a} / ${b}`,
  '%': (a, b) => `${a} % ${b}`,
};

/** Whether a value the writer returned may be UNKNOWN: a variable may, a literal or constant may not. */
const mayBeUnknown = (value: string) => !/^(?:k\d+|undefined|null|true|false|-?[\d.].*|".*")$/.test(value);

class Writer {
  readonly constants: string[] = [];
  private lines: string[] = [];
  private n = 0;

  name(prefix = 't'): string {
    return `${prefix}${(this.n += 1)}`;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  private readonly byText = new Map<string, string>();

  /** A constant shared by every compiled expression, one per distinct value. */
  constant(value: unknown): string {
    const text = JSON.stringify(value);
    let name = this.byText.get(text);
    if (!name) {
      name = `k${this.constants.length}`;
      this.constants.push(`const ${name} = ${text};`);
      this.byText.set(text, name);
    }
    return name;
  }

  /** The body of one compiled expression. */
  function(logic: unknown): string {
    this.lines = [];
    this.n = 0;
    const value = this.node(logic, 'd');
    return `function (d, m) {\n${this.lines.join('\n')}\nreturn ${value};\n}`;
  }

  /** Emits the statements that compute `logic` over the data in variable `d`; returns a variable or literal holding its value. */
  node(logic: unknown, d: string): string {
    if (Array.isArray(logic)) {
      const items = logic.map((item) => this.node(item, d));
      const list = this.name();
      this.line(`const ${list} = [${items.join(', ')}];`);
      const r = this.name();
      this.line(`const ${r} = ${list}.includes(U) ? U : ${list};`);
      return r;
    }
    if (!jsonLogic.is_logic(logic)) {
      if (typeof logic === 'object' && logic !== null) return this.constant(logic);
      return logic === undefined ? 'undefined' : JSON.stringify(logic);
    }
    const node = logic as Record<string, unknown>;
    const op = jsonLogic.get_operator(node);
    const raw = node[op];
    const args = Array.isArray(raw) ? raw : [raw];
    switch (op) {
      case 'var':
        return this.variable(args, d);
      case 'and':
      case 'or':
        return this.junction(args, d, op === 'and' ? '!h.truthy' : 'h.truthy');
      case '!':
      case '!!': {
        const a = this.node(args[0], d);
        const r = this.name();
        this.line(`const ${r} = ${a} === U ? U : ${op === '!' ? '!' : ''}h.truthy(${a});`);
        return r;
      }
      case 'if':
      case '?:':
        return this.conditional(args, d);
      case 'some':
      case 'all':
      case 'none':
        return this.quantifier(op, args, d);
      case 'filter':
      case 'map':
        return this.collection(op, args, d);
      case 'reduce':
        return this.reduce(args, d);
      default:
        return this.operator(op, args, d);
    }
  }

  private variable(args: unknown[], d: string): string {
    const r = this.name();
    if (typeof args[0] !== 'string' && typeof args[0] !== 'number') {
      const path = this.node(args[0], d);
      this.line(`const ${r} = h.lookupPath(${d}, ${path}, m);`);
      return r;
    }
    const parts = String(args[0]).split('.').filter(Boolean);
    if (parts.length === 0) {
      this.line(`const ${r} = ${d};`);
      return r;
    }
    // Read by name. Absent, the fact's holder names the missing inputs, unless the holder itself is
    // absent: then the general lookup finds where the path breaks.
    const holder =
      d +
      parts
        .slice(0, -1)
        .map((part) => `?.[${JSON.stringify(part)}]`)
        .join('');
    const last = JSON.stringify(parts[parts.length - 1]);
    this.line(`let ${r} = ${holder}?.[${last}];`);
    this.line(`if (${r} == null) ${r} = h.absent(${holder}, ${last}, ${d}, ${this.constant(parts)}, m);`);
    return r;
  }

  /** and / or: stop at a deciding value; otherwise UNKNOWN if any operand was unknown. */
  private junction(args: unknown[], d: string, decides: string): string {
    const r = this.name();
    const label = this.name('L');
    const size = this.name('s');
    const unknown = this.name('u');
    this.line(`let ${r};`);
    this.line(`${label}: {`);
    this.line(`const ${size} = m.length; let ${unknown} = false;`);
    // Decided: the inputs named since it began are forgotten (logic3.ts forgetSince).
    for (const arg of args) {
      this.line(`${r} = ${this.node(arg, d)};`);
      this.line(
        `if (${r} === U) ${unknown} = true; else if (${decides}(${r})) { if (m.length !== ${size}) m.length = ${size}; break ${label}; }`,
      );
    }
    this.line(`if (${unknown}) ${r} = U;`);
    this.line('}');
    return r;
  }

  private conditional(args: unknown[], d: string): string {
    const r = this.name();
    const label = this.name('L');
    const size = this.name('s');
    this.line(`let ${r};`);
    this.line(`${label}: {`);
    this.line(`const ${size} = m.length;`);
    let i = 0;
    for (; i + 1 < args.length; i += 2) {
      const condition = this.node(args[i], d);
      this.line(`if (${condition} === U) {`);
      // Undecided condition: the answer is known only if every remaining branch agrees.
      const values: string[] = [];
      for (let k = i + 1; k < args.length; k += 2) values.push(this.node(args[k], d));
      values.push(args.length % 2 === 1 ? this.node(args[args.length - 1], d) : 'null');
      this.line(`${r} = h.agreed([${values.join(', ')}], m, ${size}); break ${label};`);
      this.line('}');
      this.line(`if (h.truthy(${condition})) {`);
      this.line(`${r} = ${this.node(args[i + 1], d)}; break ${label};`);
      this.line('}');
    }
    this.line(`${r} = ${i < args.length ? this.node(args[i], d) : 'null'};`);
    this.line('}');
    return r;
  }

  private quantifier(op: 'some' | 'all' | 'none', [listOf, test]: unknown[], d: string): string {
    const list = this.node(listOf, d);
    const r = this.name();
    const [item, size, anyTrue, anyFalse, anyUnknown] = [this.name('i'), this.name('s'), this.name('T'), this.name('F'), this.name('u')];
    this.line(`let ${r};`);
    this.line(`if (${list} === U) ${r} = U;`);
    this.line(`else {`);
    this.line(`if (!Array.isArray(${list})) throw new TypeError(${JSON.stringify(`${op} needs a list`)});`);
    this.line(`const ${size} = m.length;`);
    if (op === 'all') this.line(`if (${list}.length === 0) ${r} = false; else {`); // json-logic's own convention
    this.line(`let ${anyTrue} = false, ${anyFalse} = false, ${anyUnknown} = false;`);
    this.line(`for (const ${item} of ${list}) {`);
    const v = this.node(test, item);
    this.line(`if (${v} === U) ${anyUnknown} = true; else if (h.truthy(${v})) ${anyTrue} = true; else ${anyFalse} = true;`);
    this.line('}');
    this.line(`if (${op === 'all' ? anyFalse : anyTrue}) if (m.length !== ${size}) m.length = ${size};`);
    if (op === 'some') this.line(`${r} = ${anyTrue} ? true : ${anyUnknown} ? U : false;`);
    else if (op === 'none') this.line(`${r} = ${anyTrue} ? false : ${anyUnknown} ? U : true;`);
    else this.line(`${r} = ${anyFalse} ? false : ${anyUnknown} ? U : true; }`);
    this.line('}');
    return r;
  }

  private collection(op: 'filter' | 'map', [listOf, each]: unknown[], d: string): string {
    const list = this.node(listOf, d);
    const [r, item, values] = [this.name(), this.name('i'), this.name('v')];
    this.line(`let ${r};`);
    this.line(`if (${list} === U) ${r} = U;`);
    this.line(`else if (!Array.isArray(${list})) ${r} = [];`);
    this.line(`else {`);
    this.line(`const ${values} = [];`);
    this.line(`for (const ${item} of ${list}) {`);
    this.line(`${values}.push(${this.node(each, item)});`);
    this.line('}');
    const kept = op === 'map' ? values : `${list}.filter((_, i) => h.truthy(${values}[i]))`;
    this.line(`${r} = ${values}.includes(U) ? U : ${kept};`);
    this.line('}');
    return r;
  }

  private reduce([listOf, step, initial]: unknown[], d: string): string {
    const list = this.node(listOf, d);
    const r = this.name();
    this.line(`let ${r} = ${initial === undefined ? 'null' : this.node(initial, d)};`);
    this.line(`if (${list} === U || ${r} === U) ${r} = U;`);
    this.line(`else if (Array.isArray(${list})) {`);
    const [current, scope] = [this.name('c'), this.name('i')];
    this.line(`for (const ${current} of ${list}) {`);
    this.line(`const ${scope} = { current: ${current}, accumulator: ${r} };`);
    this.line(`${r} = ${this.node(step, scope)};`);
    this.line(`if (${r} === U) break;`);
    this.line('}');
    this.line('}');
    return r;
  }

  /** Any other operator: every operand is evaluated (so every missing input is named); all known, the operator applies. */
  private operator(op: string, args: unknown[], d: string): string {
    if (forbiddenOperators.includes(op)) throw new Error(`operator "${op}" is not allowed in rules`);
    const values = args.map((arg) => this.node(arg, d));
    const r = this.name();
    const open = values.filter(mayBeUnknown);
    const anyUnknown = open.length === 0 ? 'false' : open.map((v) => `${v} === U`).join(' || ');
    const applied =
      INLINE[op] && values.length === 2
        ? INLINE[op](values[0], values[1])
        : Object.hasOwn(directOperators, op)
          ? `h.directOperators[${JSON.stringify(op)}](${values.join(', ')})`
          : `h.applyOperator(${JSON.stringify(op)}, [${values.join(', ')}], ${d})`;
    this.line(`const ${r} = ${anyUnknown} ? U : ${applied};`);
    return r;
  }
}

/**
 * The body of a function of the runtime `h` (logic3.ts `runtime`) that returns the compiled
 * expressions by expressionKey. Identical expressions are compiled once.
 */
export function expressionsSource(expressions: unknown[]): string {
  const writer = new Writer();
  const entries = new Map<string, { text: string; code: string }>();
  for (const logic of expressions) {
    if (typeof logic !== 'object' || logic === null) continue;
    const key = expressionKey(logic);
    const text = JSON.stringify(logic);
    const known = entries.get(key);
    if (known) {
      if (known.text !== text) throw new Error(`two rule expressions share the key ${key}: ${known.text} and ${text}`);
      continue;
    }
    entries.set(key, { text, code: writer.function(logic) });
  }
  return [
    "'use strict';",
    'const U = h.UNKNOWN;',
    ...writer.constants,
    `return {\n${[...entries].map(([key, { code }]) => `${JSON.stringify(key)}: ${code}`).join(',\n')}\n};`,
  ].join('\n');
}
