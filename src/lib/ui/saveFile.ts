/** Saves a file made in the page through a same-origin Blob URL: nothing is uploaded or fetched. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the URL by the next task; the object URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
