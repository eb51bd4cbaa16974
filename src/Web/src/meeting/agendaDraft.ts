// The facilitator builds the agenda with buttons (no dragging): add, take off, move up, move down.
// A draft is a list of item ids; AgreeAgenda sends it.
import type { Guid, ItemView } from "../client/protocol";

export function addToAgenda(draft: readonly Guid[], id: Guid): Guid[] {
  return draft.includes(id) ? [...draft] : [...draft, id];
}

export function takeOffAgenda(draft: readonly Guid[], id: Guid): Guid[] {
  return draft.filter((x) => x !== id);
}

export function moveUp(draft: readonly Guid[], id: Guid): Guid[] {
  const i = draft.indexOf(id);
  if (i <= 0) return [...draft];
  const next = [...draft];
  [next[i - 1], next[i]] = [next[i] as Guid, next[i - 1] as Guid];
  return next;
}

export function moveDown(draft: readonly Guid[], id: Guid): Guid[] {
  const i = draft.indexOf(id);
  if (i < 0 || i >= draft.length - 1) return [...draft];
  const next = [...draft];
  [next[i], next[i + 1]] = [next[i + 1] as Guid, next[i] as Guid];
  return next;
}

/** The draft to start from: the agreed agenda in order (items not yet started). */
export function draftFromItems(items: readonly ItemView[]): Guid[] {
  return items
    .filter((i) => i.status === "agreed" && i.position !== null)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((i) => i.id);
}

/** Keeps only ids that are still proposed or agreed (an item may have been started or removed meanwhile). */
export function validDraft(draft: readonly Guid[], items: readonly ItemView[]): Guid[] {
  const ok = new Set(items.filter((i) => i.status === "proposed" || i.status === "agreed").map((i) => i.id));
  return draft.filter((id) => ok.has(id));
}
