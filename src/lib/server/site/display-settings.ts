/** Reading and checking the display-settings cookie (server only: keeps zod out of pages). */
import { z } from 'zod';
import { DEFAULT_DISPLAY, DISPLAY_OPTIONS, type DisplaySettings } from '../../display-settings.ts';

// An unknown value falls back to the default for that setting.
export const displaySettingsSchema = z.object({
	textSize: z.enum(DISPLAY_OPTIONS.textSize).catch(DEFAULT_DISPLAY.textSize),
	contrast: z.enum(DISPLAY_OPTIONS.contrast).catch(DEFAULT_DISPLAY.contrast),
	spacing: z.enum(DISPLAY_OPTIONS.spacing).catch(DEFAULT_DISPLAY.spacing),
	motion: z.enum(DISPLAY_OPTIONS.motion).catch(DEFAULT_DISPLAY.motion)
}) satisfies z.ZodType<DisplaySettings>;

/** The settings form: here an unknown or missing value is an error, not the default. */
export const displaySettingsForm = z.object({
	textSize: z.enum(DISPLAY_OPTIONS.textSize, 'errors.invalid'),
	contrast: z.enum(DISPLAY_OPTIONS.contrast, 'errors.invalid'),
	spacing: z.enum(DISPLAY_OPTIONS.spacing, 'errors.invalid'),
	motion: z.enum(DISPLAY_OPTIONS.motion, 'errors.invalid')
}) satisfies z.ZodType<DisplaySettings>;

export function parseDisplayCookie(value: string | undefined): DisplaySettings {
	if (!value) return DEFAULT_DISPLAY;
	const entries = Object.fromEntries(value.split('.').map((pair) => pair.split('-', 2) as [string, string]));
	return displaySettingsSchema.parse(entries);
}
