/**
 * Stands in for `@formatjs/icu-messageformat-parser` (aliased in vite.config.ts): the full parser
 * with its number and date skeleton parsers is ~9 KB of the gzipped first download, more than a
 * fifth of the budget, for the few ICU features our messages use. This one builds the same AST for
 * literals with ICU apostrophe quoting, `{arg}`, `{arg, number|date|time[, style]}`,
 * `{arg, plural|selectordinal|select, …}` with `offset:`, `=N` and `other`, and `#`; it throws on
 * skeletons (`::`) and on tags, which svelte-i18n never asks for (it sets `ignoreTag`).
 * tests/ui/messageParser.test.ts proves it equal to the real parser on every message of every
 * locale and on random messages.
 */
import { TYPE, type MessageFormatElement, type PluralOrSelectOption } from '@formatjs/icu-messageformat-parser/lib/types.js';

export * from '@formatjs/icu-messageformat-parser/lib/types.js';

export interface ParserOptions {
  ignoreTag?: boolean;
  requiresOtherClause?: boolean;
}

type Parent = '' | 'plural' | 'selectordinal' | 'select';

const SPACE = /\p{Pattern_White_Space}*/uy;
const IDENTIFIER = /[^\p{White_Space}\p{Pattern_Syntax}]*/uy;
const INTEGER = /[+-]?[0-9]+/y;
const QUOTABLE = new Set(['{', '}', '<', '>']);

export function parse(message: string, options: ParserOptions = {}): MessageFormatElement[] {
  if (!options.ignoreTag) throw new SyntaxError('message tags are not supported: format with ignoreTag');
  const requiresOther = options.requiresOtherClause ?? true;
  let i = 0;

  const fail = (reason: string): never => {
    throw new SyntaxError(`${reason} at ${i} in message ${JSON.stringify(message)}`);
  };
  const match = (re: RegExp): string => {
    re.lastIndex = i;
    const m = re.exec(message)?.[0] ?? '';
    i += m.length;
    return m;
  };
  const space = () => match(SPACE);
  const identifier = () => match(IDENTIFIER);
  const take = (s: string): boolean => {
    if (!message.startsWith(s, i)) return false;
    i += s.length;
    return true;
  };
  const inPlural = (parent: Parent) => parent === 'plural' || parent === 'selectordinal';

  function integer(): number {
    const value = Number(match(INTEGER) || fail('expected an integer'));
    return Number.isSafeInteger(value) ? value : fail('integer out of range');
  }

  /** ICU 4.8+ quoting: an apostrophe starts quoted text only before a character that needs it. */
  function quoted(parent: Parent): string | null {
    const next = message[i + 1];
    if (next === "'") {
      i += 2;
      return "'";
    }
    if (!QUOTABLE.has(next) && !(next === '#' && inPlural(parent))) return null;
    const start = i + 1;
    i += 2;
    let text = message.slice(start, i);
    while (i < message.length) {
      if (message[i] === "'") {
        if (message[i + 1] !== "'") {
          i += 1;
          break;
        }
        text += "'";
        i += 2;
      } else {
        text += message[i];
        i += 1;
      }
    }
    return text;
  }

  function literal(depth: number, parent: Parent): string {
    let text = '';
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        const q = quoted(parent);
        if (q !== null) {
          text += q;
          continue;
        }
      } else if (c === '{' || (c === '#' && inPlural(parent)) || (c === '}' && depth > 0)) break;
      text += c;
      i += 1;
    }
    return text;
  }

  function elements(depth: number, parent: Parent): MessageFormatElement[] {
    const out: MessageFormatElement[] = [];
    while (i < message.length) {
      const c = message[i];
      if (c === '{') out.push(argument(depth));
      else if (c === '}' && depth > 0) break;
      else if (c === '#' && inPlural(parent)) {
        i += 1;
        out.push({ type: TYPE.pound });
      } else out.push({ type: TYPE.literal, value: literal(depth, parent) });
    }
    return out;
  }

  function close(): void {
    if (!take('}')) fail('expected "}"');
  }

  function argument(depth: number): MessageFormatElement {
    i += 1;
    space();
    if (i >= message.length) fail('unclosed argument');
    if (message[i] === '}') fail('empty argument');
    const value = identifier() || fail('malformed argument');
    space();
    if (take('}')) return { type: TYPE.argument, value };
    if (!take(',')) fail('malformed argument');
    space();
    if (i >= message.length) fail('unclosed argument');
    const kind = identifier();
    if (kind === 'number' || kind === 'date' || kind === 'time') return formatted(kind, value);
    if (kind === 'plural' || kind === 'selectordinal' || kind === 'select') return choice(kind, value, depth);
    return fail(`unsupported argument type "${kind}"`);
  }

  function formatted(kind: 'number' | 'date' | 'time', value: string): MessageFormatElement {
    space();
    let style: string | null = null;
    if (take(',')) {
      space();
      style = argStyle().trimEnd() || fail('expected an argument style');
      if (style.startsWith('::')) fail('skeletons are not supported');
    }
    close();
    const type = kind === 'number' ? TYPE.number : kind === 'date' ? TYPE.date : TYPE.time;
    return { type, value, style } as MessageFormatElement;
  }

  /** The raw style text up to the argument's closing brace (quotes and nested braces kept). */
  function argStyle(): string {
    const start = i;
    let open = 0;
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        const end = message.indexOf("'", i + 1);
        if (end < 0) fail('unclosed quote in argument style');
        i = end + 1;
        continue;
      }
      if (c === '}') {
        if (open === 0) break;
        open -= 1;
      } else if (c === '{') open += 1;
      i += 1;
    }
    return message.slice(start, i);
  }

  function choice(kind: 'plural' | 'selectordinal' | 'select', value: string, depth: number): MessageFormatElement {
    space();
    if (!take(',')) fail('expected options');
    space();
    let selector = identifier();
    let offset = 0;
    if (kind !== 'select' && selector === 'offset') {
      if (!take(':')) fail('expected an offset value');
      space();
      offset = integer();
      space();
      selector = identifier();
    }
    const options: Record<string, PluralOrSelectOption> = {};
    for (;;) {
      if (!selector) {
        const start = i;
        if (kind === 'select' || !take('=')) break;
        integer();
        selector = message.slice(start, i);
      }
      if (selector in options) fail(`duplicate selector "${selector}"`);
      space();
      if (!take('{')) fail('expected "{" after a selector');
      options[selector] = { value: elements(depth + 1, kind) };
      close();
      space();
      selector = identifier();
    }
    if (Object.keys(options).length === 0) fail('expected a selector');
    if (requiresOther && !('other' in options)) fail('missing "other" clause');
    close();
    return kind === 'select'
      ? { type: TYPE.select, value, options }
      : { type: TYPE.plural, value, options, offset, pluralType: kind === 'plural' ? 'cardinal' : 'ordinal' };
  }

  return elements(0, '');
}
