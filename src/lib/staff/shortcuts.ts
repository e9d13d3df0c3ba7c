/**
 * Staff keyboard shortcuts. All take Alt (never Ctrl or Meta, so AltGr and the browser's own
 * shortcuts pass through) and are matched on the physical key, so they work with the Korean IME
 * on; plain keys are never taken, so typing in a field and screen-reader quick keys are untouched.
 */
export type StaffAction = 'nextGroup' | 'previousGroup' | 'addChild' | 'print' | 'nextApplicant';

export interface Shortcut {
  action: StaffAction;
  code: string;
  shift: boolean;
  /** As aria-keyshortcuts spells it, and as shown. */
  keys: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextGroup', code: 'KeyG', shift: false, keys: 'Alt+G' },
  { action: 'previousGroup', code: 'KeyG', shift: true, keys: 'Alt+Shift+G' },
  { action: 'addChild', code: 'KeyC', shift: false, keys: 'Alt+C' },
  { action: 'print', code: 'KeyP', shift: false, keys: 'Alt+P' },
  { action: 'nextApplicant', code: 'KeyN', shift: false, keys: 'Alt+N' },
];

export type KeyLike = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'isComposing'>;

export function shortcutFor(event: KeyLike): StaffAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return null;
  return SHORTCUTS.find((s) => s.code === event.code && s.shift === event.shiftKey)?.action ?? null;
}

export const keysFor = (action: StaffAction): string => SHORTCUTS.find((s) => s.action === action)!.keys;

/** Controls, and a section heading made focusable (the results'); not a radio group's own fieldset. */
const FOCUSABLE = 'input:not([disabled]), select, textarea, button:not([disabled]), summary, h2[tabindex="-1"]';

/**
 * Focuses the first control in `container` (in a radio group the chosen radio, as Tab would;
 * radio names are our field ids) and returns it.
 */
export function focusInside(container: Element): HTMLElement | null {
  let target = container.querySelector<HTMLElement>(FOCUSABLE);
  if (target instanceof HTMLInputElement && target.type === 'radio' && target.name) {
    target = container.querySelector<HTMLInputElement>(`input[type="radio"][name="${target.name}"]:checked`) ?? target;
  }
  target?.focus();
  return target;
}

/** Moves focus to the next (step 1) or previous (-1) `[data-staff-group]` under root, wrapping around. */
export function moveToGroup(root: ParentNode, active: Element | null, step: 1 | -1): HTMLElement | null {
  const groups = [...root.querySelectorAll('[data-staff-group]')];
  if (groups.length === 0) return null;
  const current = groups.findIndex((g) => active !== null && g.contains(active));
  const index = current < 0 ? (step > 0 ? 0 : groups.length - 1) : (current + step + groups.length) % groups.length;
  return focusInside(groups[index]);
}

/** Focuses an answer by its element id: a text input itself, a radio group's chosen or first radio. */
export function focusAnswer(id: string): HTMLElement | null {
  const element = document.getElementById(id);
  if (!element) return null;
  if (element instanceof HTMLInputElement) {
    element.focus();
    return element;
  }
  return focusInside(element);
}
