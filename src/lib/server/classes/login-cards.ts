/**
 * Login cards: what an instructor prints for people without e-mail. Each card holds the
 * name, username, one-time password and the sign-in address, also as a QR code (SVG,
 * made here on the server) whose address fills in the username.
 */
import QRCode from 'qrcode';
import { isLocale, type Locale } from '../../i18n/locales.ts';

export interface LoginCard {
	displayName: string;
	username: string;
	oneTimePassword: string;
	/** Printed on the card: short enough to type. */
	signInAddress: string;
	/** The QR code of the sign-in address with the username filled in, as an SVG data URL. */
	qrCode: string;
}

export async function loginCards(
	origin: string,
	locale: Locale,
	accounts: readonly { displayName: string | null; username: string; oneTimePassword: string }[]
): Promise<LoginCard[]> {
	const signInAddress = `${origin}/${locale}/signin`;
	return Promise.all(
		accounts.map(async (account) => {
			const url = `${signInAddress}?username=${encodeURIComponent(account.username)}`;
			const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
			return {
				displayName: account.displayName ?? account.username,
				username: account.username,
				oneTimePassword: account.oneTimePassword,
				signInAddress,
				qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
			};
		})
	);
}

/** The language of a class's cards and new accounts: the course language, else `fallback`. */
export function classLanguage(courseLocale: string | null, fallback: Locale): Locale {
	return isLocale(courseLocale) ? courseLocale : fallback;
}
