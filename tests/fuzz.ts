/**
 * One setting for every property test. FUZZ_RUNS scales them all (10,000 = the default size: the
 * engine properties run 10,000 households, a UI property 150 renders); FUZZ_SEED fixes the
 * generated inputs. CI uses the fixed default seed, so a run is repeatable and cannot fail by luck;
 * `FUZZ_SEED=random npm test` explores new inputs (fast-check prints the seed of any failure).
 */
import fc from 'fast-check';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** A property's run count: `full` at the default FUZZ_RUNS, scaled with it, at least 1. */
export const runs = (full: number): number => Math.max(1, Math.round((full * FUZZ_RUNS) / 10_000));

const seed = process.env.FUZZ_SEED ?? '20261201';
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed) });
