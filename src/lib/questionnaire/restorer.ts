/**
 * Reading saved answers back (./restore.ts) reaches the Checker through here instead of an import,
 * so that it ships in a chunk main.ts loads beside the rules, not in the first download (whose
 * budget it would exceed): only a returning resident's start-up and another tab's change need it.
 * Whoever gives the Checker a store provides it (main.ts; tests/setup.ts for the component tests).
 */
import type { Saved } from './restore';

export type Restore = (stored: unknown) => Saved | null;

let provided: Restore | null = null;

export function provideRestore(restore: Restore): void {
  provided = restore;
}

export function restorer(): Restore {
  if (!provided) throw new Error('no restore: provide it with provideRestore() before reading saved answers');
  return provided;
}
