/** Shared page chrome (skip link, masthead and header with language switch and "delete my answers", the footer), and saving a file made in the page. */
export { default as SiteHeader } from './SiteHeader.svelte';
export { default as LanguageSwitch } from './LanguageSwitch.svelte';
export { default as DeleteAnswers } from './DeleteAnswers.svelte';
export { default as Footer } from './Footer.svelte';
export { saveBlob } from './saveFile';
