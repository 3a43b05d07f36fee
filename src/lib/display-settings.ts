/**
 * Display settings (text size, contrast, spacing, motion). Stored in a cookie and applied
 * as classes on <html> in the server-rendered page, so there is no flash and no need for
 * JavaScript.
 */
import { z } from 'zod';

export const DISPLAY_COOKIE = 'lotse_display';

export const displaySettingsSchema = z.object({
	textSize: z.enum(['100', '125', '150', '200']).catch('100'),
	contrast: z.enum(['normal', 'high']).catch('normal'),
	spacing: z.enum(['normal', 'wide']).catch('normal'),
	motion: z.enum(['normal', 'reduce']).catch('normal')
});
export type DisplaySettings = z.output<typeof displaySettingsSchema>;
export const DEFAULT_DISPLAY: DisplaySettings = { textSize: '100', contrast: 'normal', spacing: 'normal', motion: 'normal' };

export function parseDisplayCookie(value: string | undefined): DisplaySettings {
	if (!value) return DEFAULT_DISPLAY;
	const entries = Object.fromEntries(
		value.split('.').map((pair) => pair.split('-', 2) as [string, string])
	);
	return displaySettingsSchema.parse(entries);
}

export function serializeDisplayCookie(settings: DisplaySettings): string {
	return Object.entries(settings)
		.map(([key, value]) => `${key}-${value}`)
		.join('.');
}

export function displayClasses(settings: DisplaySettings): string {
	return [
		`text-${settings.textSize}`,
		settings.contrast === 'high' ? 'contrast-high' : '',
		settings.spacing === 'wide' ? 'spacing-wide' : '',
		settings.motion === 'reduce' ? 'motion-reduce' : ''
	]
		.filter(Boolean)
		.join(' ');
}
