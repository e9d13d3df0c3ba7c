/**
 * Node compiles rule expressions on first use, with the generator the build uses for the browser
 * (./codegen.ts); only the browser's CSP forbids compiling at run time. Imported for this effect
 * by whatever loads rules in Node (./load.ts) or evaluates them without loading (the CLI's workers).
 */
import { provideCompiler, runtime, type Code } from '../../lib/engine/logic3';
import { expressionsSource } from './codegen';

/** The compiled expressions by key, as the build's module gives them. */
function compileExpressions(expressions: unknown[]): Record<string, Code> {
  return new Function('h', expressionsSource(expressions))(runtime) as Record<string, Code>;
}

export const compileExpression = (logic: unknown): Code => Object.values(compileExpressions([logic]))[0];

provideCompiler(compileExpression);
