/**
 * Deadlines as an iCalendar file (RFC 5545) made on the device, which Google, Apple and Samsung
 * calendars import: one all-day event per deadline with an alarm some days before, named in the
 * reader's language beside the benefit's Korean official name (what an office and its site call
 * it), saying where and how to apply.
 * This module is loaded only when the resident asks for a file. Nothing about the household is in
 * it but the dates.
 */
import type { Rule } from '../engine';
import { plusDays } from '../engine/dates';
import { formatDate, nameWithKorean, pickText } from '../i18n/format';
import type { Translate } from '../questionnaire/labels';
import { ALARM_DAYS_BEFORE, type Deadline } from './deadlines';
import { dateTimeValue, dateValue, escapeText, icsText, uriValue } from './rfc5545';

/** The alarm's time of day: all-day events have no time zone, so this is the phone's own 9 o'clock. */
const ALARM_HOUR = 9;
/** Before the event's midnight: ALARM_DAYS_BEFORE days, less the hours to 09:00. */
const ALARM_TRIGGER = `-P${ALARM_DAYS_BEFORE - 1}DT${24 - ALARM_HOUR}H`;

/** Stable per benefit, kind and date: importing the same deadline again updates it instead of adding a copy. */
export const eventUid = (d: Deadline): string => `${d.id}-${d.kind}-${d.date}@seoul-benefits-checker`;

function howToApply(rule: Rule, t: Translate, locale: string): string[] {
  const { apply } = rule;
  const lines: string[] = [];
  if (apply.automatic) lines.push(t('results.apply.automatic'));
  for (const site of apply.online ?? []) lines.push(`${t('results.apply.online')}: ${pickText(site.name, locale)} ${site.url}`);
  if (apply.app?.length) lines.push(`${t('results.apply.app')}: ${apply.app.map((a) => pickText(a, locale)).join(' · ')}`);
  if (apply.offline?.length) lines.push(`${t('results.apply.offline')}: ${apply.offline.map((a) => pickText(a, locale)).join(' · ')}`);
  if (apply.phone?.length) lines.push(`${t('results.apply.phone')}: ${apply.phone.join(', ')}`);
  if (apply.documents?.length) {
    lines.push(`${t('results.apply.documents')}: ${apply.documents.map((d) => pickText(d, locale)).join(' · ')}`);
  }
  return lines;
}

export interface CalendarEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
}

/** What one deadline's event says, in the reader's language, the benefit's Korean official name beside its own. */
export function calendarEvent(deadline: Deadline, rule: Rule, t: Translate, locale: string): CalendarEvent {
  const summary = t(`calendar.event.${deadline.kind}`, { values: { name: nameWithKorean(rule.names, locale) } });
  const when =
    deadline.kind === 'applyBy'
      ? t('results.deadline', { values: { date: formatDate(deadline.date, locale) } })
      : t('results.upcomingFrom', { values: { date: formatDate(deadline.date, locale) } });
  const lines = [when, ...howToApply(rule, t, locale), '', t('calendar.event.note')];
  const offline = rule.apply.offline?.[0];
  return {
    uid: eventUid(deadline),
    date: deadline.date,
    summary,
    description: lines.join('\n'),
    location: offline ? pickText(offline, locale) : null,
    url: rule.apply.online?.[0]?.url ?? null,
  };
}

/** The .ics text for these deadlines (rules: every rule they name); `now` stamps the events. */
export function calendarFile(deadlines: Deadline[], rules: Rule[], t: Translate, locale: string, now = new Date()): string {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const stamp = dateTimeValue(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Seoul family-benefits checker//deadlines//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const deadline of deadlines) {
    const rule = byId.get(deadline.id);
    if (!rule) continue;
    const event = calendarEvent(deadline, rule, t, locale);
    const summary = escapeText(event.summary);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      // An all-day event: DATE values, the end the next day (exclusive), no time zone.
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      `DTEND;VALUE=DATE:${dateValue(plusDays(event.date, 1))}`,
      `SUMMARY:${summary}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
      ...(event.url ? [`URL:${uriValue(event.url)}`] : []),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:${ALARM_TRIGGER}`,
      `DESCRIPTION:${summary}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return icsText(lines);
}
