/** The QR code printed on a certificate: its verification address, as an SVG data URL. */
import QRCode from 'qrcode';

export async function verificationQrCode(verifyUrl: string): Promise<string> {
	const svg = await QRCode.toString(verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
