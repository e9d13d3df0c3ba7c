import { saveBlob } from '../ui';
/** A CSV made in the page, saved as a file (the staff downloads). */

export const saveText = (text: string, filename: string) => saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), filename);
