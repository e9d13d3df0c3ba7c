/**
 * Every rule text of a rule set, in one fixed order: the build takes each language's texts out of
 * the rule data in this order (src/build/rules/plugin.ts) and the app puts them back in the same
 * order (./texts.ts). A text is any object with a Korean string; nothing inside one is visited.
 */
export type TextNode = Record<string, string>;

export function eachText(node: unknown, visit: (text: TextNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachText(item, visit);
  } else if (node !== null && typeof node === 'object') {
    if (typeof (node as TextNode).ko === 'string') visit(node as TextNode);
    else for (const key of Object.keys(node)) eachText((node as Record<string, unknown>)[key], visit);
  }
}
