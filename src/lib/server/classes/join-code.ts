/**
 * Join codes: read aloud in a classroom and typed by people new to keyboards, so they are
 * short, case-insensitive and use no characters that look alike (no 0/O, 1/I/l).
 */
import { randomCode } from '../security/random-code.ts';

export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
	return randomCode(JOIN_CODE_LENGTH);
}

/** What a person typed, as a code to look up: spaces and dashes dropped, case ignored. */
export function normalizeJoinCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}
