/**
 * Stands in for `@formatjs/icu-messageformat-parser` in the app (aliased in vite.config.ts): every
 * message that ICU syntax makes more than plain text is parsed at build time
 * (src/build/messagesPlugin.ts) and arrives with its catalogue, so `parse` only looks it up. That
 * keeps a parser out of the first download and parsing off the phone's main thread. Plain text
 * needs no table: it is one literal. intl-messageformat imports the AST types and guards from here.
 * tests/ui/catalogue.test.ts proves the result equal to @formatjs's parser on every message.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser/lib/types.js';

export * from '@formatjs/icu-messageformat-parser/lib/types.js';

/** Parsed messages, by their text. */
export type Compiled = Record<string, MessageFormatElement[]>;

/** A locale file as the build ships it: its messages, and those that need parsing already parsed. */
export interface Catalogue {
  messages: Record<string, unknown>;
  compiled: Compiled;
}

/** Whether ICU MessageFormat reads `message` as anything but its own text (arguments, quoting). */
export const needsParsing = (message: string): boolean => /[{}']/.test(message);

const parsed = new Map<string, MessageFormatElement[]>();

/** Makes a catalogue's parsed messages available to `parse`. */
export function addCompiled(compiled: Compiled): void {
  for (const [message, ast] of Object.entries(compiled)) parsed.set(message, ast);
}

export function parse(message: string): MessageFormatElement[] {
  const ast = parsed.get(message);
  if (ast) return ast;
  if (!needsParsing(message)) return message === '' ? [] : [{ type: TYPE.literal, value: message }];
  throw new SyntaxError(`message not parsed at build time (load it as a ?catalogue): ${JSON.stringify(message)}`);
}
