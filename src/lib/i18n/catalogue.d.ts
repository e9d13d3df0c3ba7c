/** A locale file through src/build/messagesPlugin.ts. */
declare module '*.json?catalogue' {
  const catalogue: import('./compiled').Catalogue;
  export default catalogue;
}
