import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';
import { evaluate } from '../src/lib/engine';
// The app gets its rules' expressions compiled at build time; component tests, in Node, compile theirs on first use.
import '../src/build/rules/compile';
import { provideEvaluator } from '../src/lib/questionnaire/evaluator';
import { restoreSaved } from '../src/lib/questionnaire/restore';
import { provideRestore } from '../src/lib/questionnaire/restorer';

// The app loads the engine with the rules, and the reading of saved answers (src/main.ts); component tests have them from the start.
provideEvaluator(evaluate);
provideRestore(restoreSaved);

// waitFor/findBy give up after 1 s by default, which a loaded CI machine can exceed: wait for a hang only.
configure({ asyncUtilTimeout: 30_000 });

// jsdom lays nothing out, so it has no scrollIntoView; the results view scrolls its heading into view.
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= function scrollIntoView() {};
