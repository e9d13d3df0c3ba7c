/**
 * How the engine names an input: a household field (`monthlyIncome`) or a member's
 * (`members[1].dueDate`). Missing inputs, validation issues and the questionnaire's refs all use it.
 */

/**
 * Paths already made, by member: the same path is the same string, so the lists of missing inputs
 * the engine builds for every household compare them by identity instead of character by character.
 */
const made: Map<string | undefined, string>[] = [];
/** More members than a household may have, or more fields than a member has, are not kept. */
const MADE_MEMBERS = 64;
const MADE_FIELDS = 128;

/** The path of member `index`, or of one of its fields. */
export function memberPath(index: number, field?: string): string {
  const byField = Number.isInteger(index) && index >= 0 && index < MADE_MEMBERS ? (made[index] ??= new Map()) : undefined;
  let path = byField?.get(field);
  if (path === undefined) {
    path = field === undefined ? `members[${index}]` : `members[${index}].${field}`;
    if (byField && byField.size < MADE_FIELDS) byField.set(field, path);
  }
  return path;
}

export type InputPath = { member: null; field: string } | { member: number; field: string | null };

const MEMBER = /^members\[(\d+)\](?:\.(\w+))?$/;

/** A path split into its member (null for a household field) and field (null for the member itself). */
export function parseInputPath(path: string): InputPath {
  const m = MEMBER.exec(path);
  return m ? { member: Number(m[1]), field: m[2] ?? null } : { member: null, field: path };
}
