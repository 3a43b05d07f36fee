/** The join link of a class and its QR code, drawn on the server as SVG (no script, no third party). */
import QRCode from 'qrcode';

export function joinUrl(origin: string, locale: string, code: string): string {
	return `${origin}/${locale}/classes/join?code=${encodeURIComponent(code)}`;
}

/** The QR code as SVG markup: generated from our own link only, so safe to inline. */
export async function joinQrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** The code in groups of three ("ABC DEF"), for reading aloud and copying from the board. */
export function groupedJoinCode(code: string): string[] {
	return code.match(/.{1,3}/g) ?? [code];
}
