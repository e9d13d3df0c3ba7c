/**
 * How the engine names an input: a household field (`monthlyIncome`) or a member's
 * (`members[1].dueDate`). Missing inputs, validation issues and the questionnaire's refs all use it.
 */

/** The path of member `index`, or of one of its fields. */
export const memberPath = (index: number, field?: string): string =>
  field === undefined ? `members[${index}]` : `members[${index}].${field}`;

export type InputPath = { member: null; field: string } | { member: number; field: string | null };

const MEMBER = /^members\[(\d+)\](?:\.(\w+))?$/;

/** A path split into its member (null for a household field) and field (null for the member itself). */
export function parseInputPath(path: string): InputPath {
  const m = MEMBER.exec(path);
  return m ? { member: Number(m[1]), field: m[2] ?? null } : { member: null, field: path };
}
