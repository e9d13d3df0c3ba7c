/**
 * Reading saved answers back (./restore.ts) reaches the Checker through here instead of an import,
 * so that it ships in a chunk main.ts loads beside the rules, not in the first download (whose
 * budget it would exceed): only a returning resident's start-up and another tab's change need it.
 * Whoever gives the Checker a store provides it (main.ts; tests/setup.ts for the component tests).
 */
import { lateBound } from './lateBound';
import type { Saved } from './restore';

export type Restore = (stored: unknown) => Saved | null;

const slot = lateBound<Restore>('restore', 'provideRestore');

export const provideRestore = slot.provide;
export const restorer = slot.get;
