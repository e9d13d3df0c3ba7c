/**
 * The `benefits` command, as a function of its arguments and input so tests call it directly.
 *   evaluate FILE|- [--as-of YYYY-MM-DD] [--lang CODE] [--ndjson]
 *   screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang CODE]
 * CODE is a language of src/lib/languages; Korean by default.
 * Bad input: exit 2, stderr names the field and why, stdout empty. With --ndjson a bad line
 * yields an error record for that line and the others still evaluate; `screen` likewise reports
 * a bad row (row, column, reason) on stderr and as an "invalid input" line, and goes on.
 */
import { jsonErrorAt } from '../build/jsonError';
import { parseBatchCsv, resultsCsv, screenSheet, sheetReason } from '../lib/batch';
import { evaluate, validateAsOf, validateHousehold, type IssueParams, type RuleSet, type ValidationIssue } from '../lib/engine';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../lib/languages';
import { errorText } from '../lib/questionnaire/labels';
import { cliEvaluation, type Lang } from '../lib/results/payload';
import { translatorFor } from '../build/messages';

export interface CliIo {
  readInput: (file: string) => string;
  ruleSet: () => RuleSet;
}

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

const LANG_CHOICES = LOCALES.join('|');

export const USAGE = `usage: benefits evaluate FILE|- [--as-of YYYY-MM-DD] [--lang ${LANG_CHOICES}] [--ndjson]
       benefits screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang ${LANG_CHOICES}]`;

interface Options {
  command: string;
  file: string;
  asOf?: string;
  lang: Lang;
  ndjson: boolean;
}

const langOf = (code: Locale): Lang => ({ code, t: translatorFor(code) });

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'screen') return command === undefined ? 'missing command' : `unknown command "${command}"`;
  const options: Options = { command, file: '', lang: langOf(DEFAULT_LOCALE), ndjson: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--ndjson' && command === 'evaluate') options.ndjson = true;
    else if (arg === '--as-of' || arg === '--lang') {
      const value = rest[i + 1];
      if (value === undefined) return `${arg} needs a value`;
      i += 1;
      if (arg === '--as-of') options.asOf = value;
      else if (isLocale(value)) options.lang = langOf(value);
      else return `--lang must be one of ${LOCALES.join(', ')}, not "${value}"`;
    } else if (arg.startsWith('--')) return `unknown option "${arg}"`;
    else if (options.file) return `only one input file, got "${options.file}" and "${arg}"`;
    else options.file = arg;
  }
  return options.file ? options : 'missing input FILE (or - for standard input)';
}

/** An issue's reason in the output language; input that is not JSON also says why the parser stopped. */
const issueText = (issue: ValidationIssue, lang: Lang) =>
  issue.params.parser ? jsonText(issue.params, lang) : errorText(issue, lang.t, lang.code);

/** Input that is not JSON, where the parser stopped and why: the CLI's own words, Korean or English. */
function jsonText({ line, column, parser }: IssueParams, lang: Lang): string {
  if (lang.code === 'ko') {
    const where = column === undefined ? '' : line === undefined ? `: ${column}번째 글자` : `: ${line}번째 줄 ${column}번째 글자`;
    return `올바른 JSON이 아닙니다${where} (${parser})`;
  }
  const where = column === undefined ? '' : line === undefined ? ` at column ${column}` : ` at line ${line}, column ${column}`;
  return `not valid JSON${where} (${parser})`;
}

const issueLines = (issues: ValidationIssue[], lang: Lang, prefix = '') =>
  issues.map((p) => `${prefix}${p.field}: ${issueText(p, lang)}`).join('\n');

type LineResult = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

function evaluateText(text: string, options: Options, ruleSet: RuleSet): LineResult {
  let household: unknown;
  try {
    household = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorAt(text, e);
    const why = (e as Error).message;
    // An --ndjson line is named by its record; within it, only the column says where.
    const where: IssueParams = !at ? {} : text.includes('\n') ? { line: at.line, column: at.column } : { column: at.column };
    return { ok: false, issues: [{ field: 'input', code: 'notObject', params: { ...where, parser: why } }] };
  }
  const issues = validateHousehold(household, options.asOf);
  if (issues.length > 0) return { ok: false, issues };
  const evaluation = evaluate(household as never, { ...ruleSet, asOf: options.asOf });
  return { ok: true, value: cliEvaluation(evaluation, ruleSet.rules, options.lang) };
}

export function runCli(argv: string[], io: CliIo): CliOutcome {
  const options = parseArgs(argv);
  if (typeof options === 'string') return { code: 2, stdout: '', stderr: `${options}\n${USAGE}\n` };
  let input: string;
  try {
    input = io.readInput(options.file);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${options.file}: cannot read (${(e as Error).message})\n` };
  }
  let ruleSet: RuleSet;
  try {
    ruleSet = io.ruleSet();
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n` };
  }
  if (options.command === 'screen') return screen(input, options, ruleSet);
  if (!options.ndjson) {
    const result = evaluateText(input, options, ruleSet);
    if (!result.ok) return { code: 2, stdout: '', stderr: `${issueLines(result.issues, options.lang)}\n` };
    return { code: 0, stdout: `${JSON.stringify(result.value)}\n`, stderr: '' };
  }
  const out: string[] = [];
  const err: string[] = [];
  input.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const result = evaluateText(line, options, ruleSet);
    if (result.ok) out.push(JSON.stringify(result.value));
    else {
      out.push(
        JSON.stringify({
          line: i + 1,
          error: { issues: result.issues.map((p) => ({ field: p.field, code: p.code, reason: issueText(p, options.lang) })) },
        }),
      );
      err.push(issueLines(result.issues, options.lang, `line ${i + 1}: `));
    }
  });
  return { code: 0, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

function screen(input: string, options: Options, ruleSet: RuleSet): CliOutcome {
  if (options.asOf !== undefined) {
    const issues = validateAsOf(options.asOf);
    if (issues.length > 0) return { code: 2, stdout: '', stderr: `${issueLines(issues, options.lang)}\n` };
  }
  const sheet = parseBatchCsv(input);
  const rows = screenSheet(sheet, ruleSet, options.asOf);
  const problems = [...sheet.problems, ...sheet.rows.flatMap((r) => r.problems)];
  const stderr = problems
    .map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${sheetReason(p.reason, options.lang.t, options.lang.code)}\n`)
    .join('');
  return { code: 0, stdout: resultsCsv(rows, ruleSet.rules, options.lang), stderr };
}
