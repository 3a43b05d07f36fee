/**
 * Display settings (text size, contrast, spacing, motion). Stored in a cookie and applied
 * as classes on <html> in the server-rendered page, so there is no flash and no need for
 * JavaScript. The cookie is parsed on the server (server/site/display-settings.ts).
 */
export const DISPLAY_COOKIE = 'lotse_display';

export const DISPLAY_OPTIONS = {
	textSize: ['100', '125', '150', '200'],
	contrast: ['normal', 'high'],
	spacing: ['normal', 'wide'],
	motion: ['normal', 'reduce']
} as const;

export type DisplaySettings = { [K in keyof typeof DISPLAY_OPTIONS]: (typeof DISPLAY_OPTIONS)[K][number] };
export const DEFAULT_DISPLAY: DisplaySettings = {
	textSize: '100',
	contrast: 'normal',
	spacing: 'normal',
	motion: 'normal'
};

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
