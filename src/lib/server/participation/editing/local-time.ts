/**
 * Dates typed into the admin's date and datetime-local inputs are wall-clock times in the
 * city (Europe/Berlin), not UTC: "1 March, 09:00" means nine in the morning in Berlin in
 * winter and in summer alike. Read and written here so both directions agree.
 */
export const CITY_TIME_ZONE = 'Europe/Berlin';

const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function zoneOffsetMs(instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: CITY_TIME_ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2026-03-01" or "2026-03-01T09:00" in the city's time → the instant; null when not a real date. */
export function parseCityTime(value: string): Date | null {
	const match = INPUT.exec(value);
	if (!match) return null;
	const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1).map((v) => v ?? undefined);
	const asUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
	const check = new Date(asUtc);
	if (
		check.getUTCFullYear() !== Number(year) ||
		check.getUTCMonth() !== Number(month) - 1 ||
		check.getUTCDate() !== Number(day) ||
		Number(hour) > 23 ||
		Number(minute) > 59 ||
		Number(second) > 59
	) {
		return null;
	}
	// Twice, so an instant next to a daylight-saving switch gets the offset in force then.
	const first = asUtc - zoneOffsetMs(new Date(asUtc));
	return new Date(asUtc - zoneOffsetMs(new Date(first)));
}

/** The instant as the value of a datetime-local input, in the city's time. */
export function toCityDateTimeInput(instant: Date | null): string {
	if (!instant) return '';
	const wall = new Date(instant.getTime() + zoneOffsetMs(instant));
	return wall.toISOString().slice(0, 16);
}

/** The instant as the value of a date input, in the city's time. */
export function toCityDateInput(instant: Date): string {
	return toCityDateTimeInput(instant).slice(0, 10);
}
