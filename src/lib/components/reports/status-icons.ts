import type { CellStatus } from '$lib/server/classes/report';

/** The icon beside each status text; it only repeats what the text says (aria-hidden). */
export const STATUS_ICONS: Record<CellStatus, string> = { done: '✓', started: '◐', notStarted: '○' };
