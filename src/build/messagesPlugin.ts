/**
 * Build step: a locale file imported as `….json?catalogue` becomes a catalogue module — the
 * messages as they are, plus each message that ICU syntax makes more than plain text (arguments,
 * apostrophe quoting) already parsed, all shipped as one JSON.parse string. The browser then never
 * parses a message: svelte-i18n still formats them (intl-messageformat), but its parser is
 * src/lib/i18n/compiled.ts, which only looks the parsed form up (aliased in vite.config.ts).
 * A message @formatjs's parser refuses fails the build, naming the file and the message's key.
 */
import { parse } from '@formatjs/icu-messageformat-parser/index.js';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { needsParsing, type Catalogue, type Compiled } from '../lib/i18n/compiled';

const QUERY = '?catalogue';

/** The options svelte-i18n formats with (through intl-messageformat). */
const PARSE_OPTIONS = { ignoreTag: true } as const;

type Messages = { [key: string]: string | Messages };

/** `messages` with every message that needs parsing parsed, keyed by its text; `where` names the file in errors. */
export function compileCatalogue(messages: Messages, where: string): Catalogue {
  const compiled: Compiled = {};
  const visit = (node: Messages, path: string) => {
    for (const [key, value] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof value !== 'string') visit(value, at);
      else if (needsParsing(value) && !(value in compiled)) {
        try {
          compiled[value] = parse(value, PARSE_OPTIONS);
        } catch (e) {
          throw new Error(`${where}: message ${at} is not valid ICU MessageFormat (${(e as Error).message})`);
        }
      }
    }
  };
  visit(messages, '');
  return { messages, compiled };
}

export function messagesPlugin(): Plugin {
  return {
    name: 'seoul-benefits-messages',
    // After Vite's own JSON handling, whose module this replaces with one made from the file itself.
    enforce: 'post',
    transform: {
      filter: { id: /\.json\?catalogue$/ },
      handler(_json, id) {
        const file = id.slice(0, -QUERY.length);
        const catalogue = compileCatalogue(JSON.parse(readFileSync(file, 'utf8')) as Messages, file);
        // A JSON string for JSON.parse, which V8 reads several times faster than an object literal.
        return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogue))});`, map: null };
      },
    },
  };
}
