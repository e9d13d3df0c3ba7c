/**
 * Messages of a catalogue formatted outside Svelte — the CLI, the batch worker's CSV, the embed's
 * payload — exactly as svelte-i18n formats them in the app: the same files, the same parsed forms
 * (src/build/messagesPlugin.ts), intl-messageformat. No sentence has a second copy in code.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue } from './compiled';

export type Translate = (id: string, options?: { values?: Record<string, string | number>; default?: string }) => string;

type Messages = { [key: string]: unknown };

const lookup = (messages: Messages, id: string): unknown =>
  id.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Messages)[key] : undefined), messages);

/** `t` over a catalogue in `locale`; a message it lacks comes from `fallback` (Korean's catalogue), as in the app. */
export function translator(catalogue: Catalogue, locale: string, fallback?: Translate): Translate {
  const formats = new Map<string, IntlMessageFormat>();
  return (id, options) => {
    const message = lookup(catalogue.messages, id);
    if (typeof message !== 'string') {
      if (options?.default !== undefined) return options.default;
      if (fallback) return fallback(id, options);
      throw new Error(`no message "${id}" for ${locale}`);
    }
    let format = formats.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue.compiled[message] ?? message, locale);
      formats.set(id, format);
    }
    return String(format.format(options?.values));
  };
}
