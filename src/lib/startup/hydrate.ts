/**
 * Hydrating a prerendered part of the first screen (./roots.svelte.ts). Its inputs work before any
 * script runs, so a resident may already have typed or ticked something when the part is hydrated; hydration sets every input
 * back to the app's state, so those answers are noted first and replayed afterwards through the
 * inputs' own event handlers (hydration keeps the same elements).
 */
import { hydrate, type Component } from 'svelte';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const ticks = (c: Control): c is HTMLInputElement => c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox');

function changedByHand(c: Control): boolean {
  if (ticks(c)) return c.checked !== c.defaultChecked;
  if (c instanceof HTMLSelectElement) return [...c.options].some((o) => o.selected !== o.defaultSelected);
  return c.value !== c.defaultValue;
}

export function hydrateKeepingInput<Props extends Record<string, unknown>>(component: Component<Props>, target: HTMLElement, props: Props) {
  const typed = [...target.querySelectorAll<Control>('input, select, textarea')]
    .filter(changedByHand)
    .map((control) => ({ control, value: control.value, checked: ticks(control) && control.checked }));
  const instance = hydrate(component, { target, props });
  for (const { control, value, checked } of typed) {
    if (!control.isConnected) continue;
    if (ticks(control)) {
      control.checked = checked;
    } else {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return instance;
}
