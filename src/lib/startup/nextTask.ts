/**
 * Ends the current task and resumes in a new one. Start-up work split this way lets the browser
 * paint and answer input between the pieces: one long task would block a cheap phone's main thread
 * (Lighthouse counts every task over 50 ms in Total Blocking Time).
 */
export function nextTask(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}
