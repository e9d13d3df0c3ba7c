/**
 * The .ics files: read back by ical.js (a standard iCalendar parser), one all-day event per
 * deadline on its date with an alarm days before, the benefit's name (with its Korean official name)
 * and how to apply;
 * RFC 5545 folding (75 octets, never inside a UTF-8 character) and escaping; nothing else of the
 * household in the file.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../../src/build/rules/plugin';
import { ALARM_DAYS_BEFORE, allDeadlines, deadlinesOf, type Deadline } from '../../src/lib/calendar';
import { calendarFile, eventUid } from '../../src/lib/calendar/ics';
import { evaluate, type Household, type Rule, type RuleResult } from '../../src/lib/engine';
import { LOCALES } from '../../src/lib/languages';
import { text as inEvery } from '../text';
import { startI18n } from '../ui/helpers';

const ruleSet = shippedRuleSet();
const household = JSON.parse(readFileSync('tests/fixtures/households/newborn-twins-seoul.json', 'utf8')) as Household;
const evaluation = evaluate(household, { ...ruleSet, asOf: household.asOf });
const deadlines = allDeadlines(evaluation.results, evaluation.asOf);
const ruleOf = (id: string) => ruleSet.rules.find((r) => r.id === id)!;

startI18n('ko');
const make = (list: Deadline[], rules: Rule[] = ruleSet.rules, locale = 'ko') => calendarFile(list, rules, get(_), locale);

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (text: string) => parse(text).getAllSubcomponents('vevent');

describe('deadlines', () => {
  it('are the apply-by and opening dates not yet past, once per benefit, kind and date', () => {
    expect(deadlines.length).toBeGreaterThan(3);
    expect(new Set(deadlines.map(eventUid)).size).toBe(deadlines.length);
    for (const d of deadlines) expect(d.date >= evaluation.asOf).toBe(true);
    const postpartum = evaluation.results.find((r) => r.id === 'postpartum-care')!;
    expect(deadlinesOf(postpartum, evaluation.asOf)).toEqual([{ id: 'postpartum-care', kind: 'applyBy', date: postpartum.applyBy }]);
    // The day after its last day, it is no longer a deadline.
    expect(deadlinesOf(postpartum, '2099-01-01')).toEqual([]);
  });

  it('leave out what does not apply and what another benefit pays instead', () => {
    const base: RuleResult = {
      id: 'x',
      status: 'eligible',
      criteria: [],
      missing: [],
      amount: null,
      applyBy: '2030-01-01',
      upcomingDate: null,
      reasons: [],
    };
    expect(deadlinesOf(base, '2029-01-01')).toHaveLength(1);
    expect(deadlinesOf({ ...base, status: 'ineligible' }, '2029-01-01')).toEqual([]);
    expect(deadlinesOf({ ...base, replacedBy: 'y' }, '2029-01-01')).toEqual([]);
  });
});

describe('the .ics file', () => {
  const text = make(deadlines);

  it('parses as one VCALENDAR with one all-day event per deadline on its date', () => {
    const list = events(text);
    expect(list).toHaveLength(deadlines.length);
    for (const [i, d] of deadlines.entries()) {
      const event = new ICAL.Event(list[i]);
      expect(event.uid).toBe(eventUid(d));
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(d.date);
      expect(event.endDate.toString()).toBe(new Date(Date.parse(d.date) + 86_400_000).toISOString().slice(0, 10));
      expect(event.summary).toContain(ruleOf(d.id).names.ko);
      expect(event.summary).toContain(d.kind === 'applyBy' ? '신청 마감' : '신청 시작');
    }
  });

  it('sets an alarm days before each date, in the morning', () => {
    for (const vevent of events(text)) {
      const alarm = vevent.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
      expect(trigger.isNegative).toBe(true);
      // 3 days before midnight plus 9 hours: 09:00, three days before.
      expect(trigger.toSeconds()).toBe(-(ALARM_DAYS_BEFORE * 86_400 - 9 * 3_600));
    }
  });

  it('says where and how to apply, with the link', () => {
    const byUid = new Map(events(text).map((e) => [new ICAL.Event(e).uid, e]));
    for (const d of deadlines) {
      const vevent = byUid.get(eventUid(d))!;
      const rule = ruleOf(d.id);
      const description = vevent.getFirstPropertyValue('description') as string;
      for (const site of rule.apply.online ?? []) expect(description).toContain(site.url);
      for (const place of rule.apply.offline ?? []) expect(description).toContain(place.ko);
      if (rule.apply.online?.length) expect(vevent.getFirstPropertyValue('url')).toBe(rule.apply.online[0].url);
      if (rule.apply.offline?.length) expect(vevent.getFirstPropertyValue('location')).toBe(rule.apply.offline[0].ko);
    }
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, with CRLF line ends', () => {
    expect(text.endsWith('END:VCALENDAR')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length, line).toBeLessThanOrEqual(75);
      // Each line is whole UTF-8 on its own: a split character would not survive a round trip.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('escapes commas, semicolons, backslashes and line breaks in texts', () => {
    const tricky = 'a, b; c\\d\n두 번째 줄, 끝;';
    const rule: Rule = {
      ...ruleOf('postpartum-care'),
      id: 'tricky',
      names: inEvery(`이름, 세미콜론; 역슬래시\\ ${'긴 이름 '.repeat(12)}`, 'Tricky'),
      apply: {
        offline: [inEvery(tricky)],
        online: [{ name: inEvery('사이트;', 'site'), url: 'https://example.org/a?b=c,d' }],
      },
    };
    const [vevent] = events(make([{ id: 'tricky', kind: 'applyBy', date: '2030-02-28' }], [rule]));
    expect(vevent.getFirstPropertyValue('location')).toBe(tricky);
    expect(vevent.getFirstPropertyValue('summary')).toBe(`${rule.names.ko} 신청 마감`);
    expect(vevent.getFirstPropertyValue('description')).toContain(tricky);
    // A URI value is not escaped: the comma is percent-encoded instead.
    expect(vevent.getFirstPropertyValue('url')).toBe('https://example.org/a?b=c%2Cd');
  });

  it('holds nothing of the household but the deadlines: no birth date, income or other answer', () => {
    const dates = new Set(deadlines.map((d) => d.date.replace(/-/g, '')));
    for (const m of household.members) {
      const birth = m.birthDate.replace(/-/g, '');
      if (!dates.has(birth)) expect(text).not.toContain(birth);
      expect(text).not.toContain(m.birthDate);
    }
    expect(text).not.toContain(String(household.medianIncomePercent));
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|CONTACT/);
  });

  it('names the benefit in the reader’s language with its Korean official name beside it, as the cards do', () => {
    const rule = ruleOf(deadlines[0].id);
    try {
      for (const code of LOCALES.filter((c) => c !== 'ko')) {
        startI18n(code);
        const [vevent] = events(make([deadlines[0]], ruleSet.rules, code));
        const name = `${rule.names[code]} · ${rule.names.ko}`;
        expect(vevent.getFirstPropertyValue('summary'), code).toBe(get(_)(`calendar.event.${deadlines[0].kind}`, { values: { name } }));
      }
    } finally {
      // The node project's files share a worker (vite.config.ts): the locale goes back as it was.
      startI18n('ko');
    }
    const [korean] = events(make([deadlines[0]]));
    expect(korean.getFirstPropertyValue('summary')).toBe(
      get(_)(`calendar.event.${deadlines[0].kind}`, { values: { name: rule.names.ko } }),
    );
  });
});
