/** The rule files as the app gets them: checked at build time, test cases left out. */
import rules from 'virtual:benefit-rules';
import type { Rule } from '../engine/types';

export const benefitRules = rules as Rule[];
