/** Deadlines in the resident's own calendar: .ics files made on the device (ics.ts loads on demand). */
export { default as CalendarButton } from './CalendarButton.svelte';
export { ALARM_DAYS_BEFORE, allDeadlines, deadlinesOf, type Deadline, type DeadlineKind } from './deadlines';
