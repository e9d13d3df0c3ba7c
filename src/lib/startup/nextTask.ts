/**
 * Ends the current task and resumes in a new one. Start-up work split this way lets the browser
 * paint and answer input between the pieces: one long task would block a cheap phone's main thread
 * (Lighthouse counts every task over 50 ms in Total Blocking Time).
 */
export function nextTask(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * Resumes once the page has painted what it shows now: after the next frame, in a task of its own.
 * A hidden page paints no frame until it is shown: it resumes at once.
 */
export function afterPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return nextTask();
  return new Promise((resume) => requestAnimationFrame(() => setTimeout(resume, 0)));
}
