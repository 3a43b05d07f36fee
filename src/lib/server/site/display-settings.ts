/** Reading and checking the display-settings cookie (server only: keeps zod out of pages). */
import { z } from 'zod';
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../display-settings.ts';

export const displaySettingsSchema = z.object({
	textSize: z.enum(['100', '125', '150', '200']).catch('100'),
	contrast: z.enum(['normal', 'high']).catch('normal'),
	spacing: z.enum(['normal', 'wide']).catch('normal'),
	motion: z.enum(['normal', 'reduce']).catch('normal')
}) satisfies z.ZodType<DisplaySettings>;

export function parseDisplayCookie(value: string | undefined): DisplaySettings {
	if (!value) return DEFAULT_DISPLAY;
	const entries = Object.fromEntries(value.split('.').map((pair) => pair.split('-', 2) as [string, string]));
	return displaySettingsSchema.parse(entries);
}
