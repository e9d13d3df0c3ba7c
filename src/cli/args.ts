/** The `benefits` command's arguments. Flags are a contract with other tools: add, never rename. */
import { translatorFor } from '../build/messages';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../lib/languages';
import type { Lang } from '../lib/results/payload';

const LANG_CHOICES = LOCALES.join('|');

export const USAGE = `usage: benefits evaluate FILE|- [--as-of YYYY-MM-DD] [--lang ${LANG_CHOICES}] [--ndjson] [--jobs N] [--progress]
       benefits screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang ${LANG_CHOICES}] [--summary FILE.csv] [--jobs N] [--progress]`;

/** A language with the translator over its messages (worker threads get the code and make their own). */
export const langOf = (code: Locale): Lang => ({ code, t: translatorFor(code) });

export interface Options {
  command: 'evaluate' | 'screen';
  file: string;
  asOf?: string;
  lang: Lang;
  ndjson: boolean;
  /** Worker threads; undefined: one per core but one. */
  jobs?: number;
  progress: boolean;
  /** screen: where to write the per-household summary CSV. */
  summary?: string;
}

const VALUED = new Set(['--as-of', '--lang', '--jobs', '--summary']);

export function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'screen') return command === undefined ? 'missing command' : `unknown command "${command}"`;
  const options: Options = { command, file: '', lang: langOf(DEFAULT_LOCALE), ndjson: false, progress: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--ndjson' && command === 'evaluate') options.ndjson = true;
    else if (arg === '--progress') options.progress = true;
    else if (VALUED.has(arg) && (arg !== '--summary' || command === 'screen')) {
      const value = rest[i + 1];
      if (value === undefined) return `${arg} needs a value`;
      i += 1;
      if (arg === '--as-of') options.asOf = value;
      else if (arg === '--summary') options.summary = value;
      else if (arg === '--jobs') {
        if (!/^[1-9]\d{0,2}$/.test(value)) return `--jobs must be a whole number from 1, not "${value}"`;
        options.jobs = Number(value);
      } else if (isLocale(value)) options.lang = langOf(value);
      else return `--lang must be one of ${LOCALES.join(', ')}, not "${value}"`;
    } else if (arg.startsWith('--')) return `unknown option "${arg}"`;
    else if (options.file) return `only one input file, got "${options.file}" and "${arg}"`;
    else options.file = arg;
  }
  return options.file ? options : 'missing input FILE (or - for standard input)';
}
