/** Saves a file made in the page: nothing is uploaded, the browser writes it to disk. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the URL by the next task; the object URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const saveText = (text: string, filename: string) => saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), filename);
