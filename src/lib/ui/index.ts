/** Shared page chrome: skip link, masthead and header with language switch and "delete my answers", and the footer. */
export { default as SiteHeader } from './SiteHeader.svelte';
export { default as LanguageSwitch } from './LanguageSwitch.svelte';
export { default as DeleteAnswers } from './DeleteAnswers.svelte';
export { default as Footer } from './Footer.svelte';
