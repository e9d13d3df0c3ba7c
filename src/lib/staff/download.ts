/** Saves text made in the page as a file: nothing is uploaded, the browser writes it to disk. */
export function saveText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the URL by the next task; the object URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
