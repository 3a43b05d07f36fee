/**
 * Join codes: read aloud in a classroom and typed by people new to keyboards, so they are
 * short, case-insensitive and use no characters that look alike (no 0/O, 1/I/l).
 */
import { randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/** What a person typed, as a code to look up: spaces and dashes dropped, case ignored. */
export function normalizeJoinCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}
