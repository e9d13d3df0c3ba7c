/** Names members' outcomes on cards from the checker's form: "아이 2", "어른 1의 태어날 아기 2". */
import type { CandidateResult } from '../engine';
import type { Checker } from '../questionnaire/checker.svelte';
import { memberName, type Translate } from '../questionnaire/labels';
import type { MemberLabel } from './group';
import { memberLabelText } from './text';

export function memberLabel(checker: Pick<Checker, 'form' | 'built'>, t: Translate): MemberLabel {
  const nameAt = (index: number) => memberName(checker.form, checker.built.idAt[index] ?? '', t);
  return (candidate: CandidateResult, nth: number) => memberLabelText(candidate, nameAt, nth, t);
}
