import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';
import { evaluate } from '../src/lib/engine';
import { provideEvaluator } from '../src/lib/questionnaire/evaluator';

// The app loads the engine with the rules (src/main.ts); component tests have it from the start.
provideEvaluator(evaluate);

// waitFor/findBy give up after 1 s by default, which a loaded CI machine can exceed: wait for a hang only.
configure({ asyncUtilTimeout: 30_000 });

// jsdom lays nothing out, so it has no scrollIntoView; the results view scrolls its heading into view.
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= function scrollIntoView() {};
