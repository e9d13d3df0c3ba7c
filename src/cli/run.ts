/**
 * The `benefits` command, as a function of its arguments and input so tests call it directly.
 *   evaluate FILE|- [--as-of YYYY-MM-DD] [--lang ko|en] [--ndjson]
 *   screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang ko|en]
 * Bad input: exit 2, stderr names the field and why, stdout empty. With --ndjson a bad line
 * yields an error record for that line and the others still evaluate; `screen` likewise reports
 * a bad row (row, column, reason) on stderr and as an "invalid input" line, and goes on.
 */
import { jsonErrorAt } from '../build/jsonError';
import { parseBatchCsv, resultsCsv, screenSheet } from '../lib/batch';
import { evaluate, validateAsOf, validateHousehold, type RuleSet, type ValidationIssue } from '../lib/engine';
import { cliEvaluation, type Lang } from '../lib/results/payload';

export interface CliIo {
  readInput: (file: string) => string;
  ruleSet: () => RuleSet;
}

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export const USAGE = `usage: benefits evaluate FILE|- [--as-of YYYY-MM-DD] [--lang ko|en] [--ndjson]
       benefits screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang ko|en]`;

interface Options {
  command: string;
  file: string;
  asOf?: string;
  lang: Lang;
  ndjson: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'screen') return command === undefined ? 'missing command' : `unknown command "${command}"`;
  const options: Options = { command, file: '', lang: 'ko', ndjson: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--ndjson' && command === 'evaluate') options.ndjson = true;
    else if (arg === '--as-of' || arg === '--lang') {
      const value = rest[i + 1];
      if (value === undefined) return `${arg} needs a value`;
      i += 1;
      if (arg === '--as-of') options.asOf = value;
      else if (value === 'ko' || value === 'en') options.lang = value;
      else return `--lang must be ko or en, not "${value}"`;
    } else if (arg.startsWith('--')) return `unknown option "${arg}"`;
    else if (options.file) return `only one input file, got "${options.file}" and "${arg}"`;
    else options.file = arg;
  }
  return options.file ? options : 'missing input FILE (or - for standard input)';
}

const issueLines = (issues: ValidationIssue[], lang: Lang, prefix = '') =>
  issues.map((p) => `${prefix}${p.field}: ${p.message[lang]}`).join('\n');

type LineResult = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

function evaluateText(text: string, options: Options, ruleSet: RuleSet): LineResult {
  let household: unknown;
  try {
    household = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorAt(text, e);
    const why = (e as Error).message;
    // An --ndjson line is named by its record; within it, only the column says where.
    const where = !at
      ? null
      : text.includes('\n')
        ? { ko: `${at.line}번째 줄 ${at.column}번째 글자`, en: `at line ${at.line}, column ${at.column}` }
        : { ko: `${at.column}번째 글자`, en: `at column ${at.column}` };
    const message = where
      ? { ko: `올바른 JSON이 아닙니다: ${where.ko} (${why})`, en: `not valid JSON ${where.en} (${why})` }
      : { ko: `올바른 JSON이 아닙니다 (${why})`, en: `not valid JSON (${why})` };
    return { ok: false, issues: [{ field: 'input', code: 'notObject', message }] };
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
          error: { issues: result.issues.map((p) => ({ field: p.field, code: p.code, reason: p.message[options.lang] })) },
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
  const stderr = problems.map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason[options.lang]}\n`).join('');
  return { code: 0, stdout: resultsCsv(rows, ruleSet.rules, options.lang), stderr };
}
