import '@testing-library/jest-dom/vitest';
import { evaluate } from '../src/lib/engine';
import { provideEvaluator } from '../src/lib/questionnaire/evaluator';

// The app loads the engine with the rules (src/main.ts); component tests have it from the start.
provideEvaluator(evaluate);
