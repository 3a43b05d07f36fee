/**
 * Random codes people read from paper and type: recovery codes, join codes, one-time
 * passwords. The alphabet has no look-alikes (no 0/O, 1/I/L).
 */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `length` characters of `alphabet`, each equally likely (rejection sampling). */
export function randomCode(length: number, alphabet = UNAMBIGUOUS_ALPHABET): string {
	const limit = 256 - (256 % alphabet.length);
	let code = '';
	while (code.length < length) {
		const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
		for (const byte of bytes) if (byte < limit && code.length < length) code += alphabet[byte % alphabet.length];
	}
	return code;
}
