/** Results: grouped benefits, totals, and a card per benefit with amount, why, how to apply and source. */
export { default as Results } from './Results.svelte';
export { default as ResultCard } from './ResultCard.svelte';
export { groupResults, totalsOf, GROUPS, type Group, type GroupedResults, type ResultView, type Totals } from './group';
export { amountText, deadlineText, incomeLimitText, ineligibleText, upcomingText, wonText } from './text';
