/**
 * How a guest's progress is written into their cookie (signed by guest-progress.ts).
 *
 * Browsers keep a cookie of at most 4,096 bytes (name, value and attributes) and drop a
 * bigger one without a word, so the progress is packed: lessons and quizzes of the shipped
 * curriculum are stored by number (guest-progress-numbers.ts), anything without a number
 * (lessons written in the studio later, a lesson added without a number) under its key.
 * The whole curriculum, every lesson completed and every quiz answered, takes about 270
 * bytes (360 in base64url); tests/unit/guest-progress-format.test.ts measures it.
 *
 * Format 2, the bytes of the payload (base64url in the cookie). "varint" is an unsigned
 * LEB128 number: 7 bits a byte, low bits first, the top bit set on every byte but the last.
 *
 *     byte    2 (the format)
 *     byte    flags: bit 0 set = a change could not be kept because the cookie was full
 *     varint  base time, unix seconds (the earliest activity in the cookie; 0 when empty)
 *     varint  number of numbered lessons, then for each, by ascending number:
 *               varint  lesson number (the first) or its distance from the previous one
 *               byte    state: 0 not opened (scores only), 1 started, 2 completed
 *               varint  seconds after the base time of the last activity (not for state 0)
 *               varint  quiz bit mask: bit i set = the lesson's quiz number i has a score
 *               byte    best score 0–100 for each set bit, lowest bit first
 *     varint  number of lessons by key, then for each:
 *               varint  key length, key (UTF-8, "course/lesson")
 *               byte    state, varint seconds after the base time (not for state 0), as above
 *               varint  number of scores, then for each: varint id length, id (UTF-8), byte score
 *
 * A numbered lesson's quiz without a number is written in the second part under the
 * lesson's key with state 0. Format 1 was base64url JSON (`{"v":1,"l":…,"q":…}`, 6.6 KB for
 * the whole curriculum); such cookies are still read, and written anew in format 2 on the
 * next change. A number this server does not know (a cookie from a newer version) is skipped.
 */
import { z } from 'zod';
import { GUEST_PROGRESS_NUMBERS } from './guest-progress-numbers.ts';

export interface GuestProgress {
	/** lesson key → [status: 0 started / 1 completed, unix seconds of last activity] */
	l: Record<string, [0 | 1, number]>;
	/** "course/lesson#quiz" → best score 0–100 */
	q: Record<string, number>;
	/** Set once a change could not be kept because the cookie was full (shown to the learner). */
	full?: true;
}

export const emptyGuestProgress = (): GuestProgress => ({ l: {}, q: {} });

const FORMAT = 2;
const FULL_FLAG = 1;
const LESSON_KEY = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const QUIZ_ID = /^[a-z0-9-]+$/;

const lessonNumbers = new Map(GUEST_PROGRESS_NUMBERS.map((entry, number) => [entry.lesson, number]));
const quizNumbers = GUEST_PROGRESS_NUMBERS.map((entry) => new Map(entry.quizzes.map((id, number) => [id, number])));

/** Format 1, as it was written until format 2 replaced it. */
const formatOneSchema = z.object({
	v: z.literal(1),
	l: z.record(
		z.string().regex(LESSON_KEY).max(80),
		z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().nonnegative()])
	),
	q: z.record(
		z
			.string()
			.regex(/^[a-z0-9-]+\/[a-z0-9-]+#[a-z0-9-]+$/)
			.max(120),
		z.number().int().min(0).max(100)
	)
});

interface LessonRecord {
	state: 0 | 1 | 2;
	seconds: number;
	scores: Map<string, number>;
}

/** The progress grouped by lesson, each lesson with its state and its quiz scores. */
function byLesson(progress: GuestProgress): Map<string, LessonRecord> {
	const lessons = new Map<string, LessonRecord>();
	const record = (key: string) => {
		let found = lessons.get(key);
		if (!found) lessons.set(key, (found = { state: 0, seconds: 0, scores: new Map() }));
		return found;
	};
	for (const [key, [status, seconds]] of Object.entries(progress.l)) {
		Object.assign(record(key), { state: status === 1 ? 2 : 1, seconds });
	}
	for (const [id, score] of Object.entries(progress.q)) {
		const at = id.indexOf('#');
		record(id.slice(0, at)).scores.set(id.slice(at + 1), score);
	}
	return lessons;
}

class Writer {
	private bytes: number[] = [];
	byte(value: number) {
		this.bytes.push(value);
	}
	varint(value: number) {
		let rest = value;
		while (rest >= 0x80) {
			this.bytes.push((rest % 0x80) | 0x80);
			rest = Math.floor(rest / 0x80);
		}
		this.bytes.push(rest);
	}
	text(value: string) {
		const encoded = new TextEncoder().encode(value);
		this.varint(encoded.length);
		this.bytes.push(...encoded);
	}
	done(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

/** The payload bytes of `progress` in format 2. */
export function packGuestProgress(progress: GuestProgress): Uint8Array {
	const lessons = byLesson(progress);
	const times = Object.values(progress.l).map(([, seconds]) => seconds);
	const base = times.length ? Math.min(...times) : 0;
	const numbered: [number, string, LessonRecord][] = [];
	const keyed: [string, LessonRecord][] = [];
	for (const [key, lesson] of lessons) {
		const number = lessonNumbers.get(key);
		if (number === undefined) {
			keyed.push([key, lesson]);
			continue;
		}
		const quizzes = quizNumbers[number]!;
		const unnumbered = [...lesson.scores].filter(([id]) => !quizzes.has(id));
		if (unnumbered.length) keyed.push([key, { state: 0, seconds: 0, scores: new Map(unnumbered) }]);
		if (lesson.state !== 0 || unnumbered.length < lesson.scores.size) numbered.push([number, key, lesson]);
	}
	numbered.sort((a, b) => a[0] - b[0]);

	const out = new Writer();
	out.byte(FORMAT);
	out.byte(progress.full ? FULL_FLAG : 0);
	out.varint(base);
	const state = (lesson: LessonRecord) => {
		out.byte(lesson.state);
		if (lesson.state !== 0) out.varint(lesson.seconds - base);
	};
	out.varint(numbered.length);
	let previous = 0;
	for (const [number, , lesson] of numbered) {
		out.varint(number - previous);
		previous = number;
		state(lesson);
		const quizzes = quizNumbers[number]!;
		const scored = [...lesson.scores]
			.filter(([id]) => quizzes.has(id))
			.map(([id, score]) => [quizzes.get(id)!, score] as const)
			.sort((a, b) => a[0] - b[0]);
		out.varint(scored.reduce((mask, [bit]) => mask + 2 ** bit, 0));
		for (const [, score] of scored) out.byte(score);
	}
	out.varint(keyed.length);
	for (const [key, lesson] of keyed) {
		out.text(key);
		state(lesson);
		out.varint(lesson.scores.size);
		for (const [id, score] of lesson.scores) {
			out.text(id);
			out.byte(score);
		}
	}
	return out.done();
}

class Reader {
	private at = 0;
	constructor(private readonly bytes: Uint8Array) {}
	byte(): number {
		if (this.at >= this.bytes.length) throw new RangeError('past the end');
		return this.bytes[this.at++]!;
	}
	varint(): number {
		let value = 0;
		for (let shift = 1; ; shift *= 0x80) {
			const byte = this.byte();
			value += (byte & 0x7f) * shift;
			if (byte < 0x80) return value;
			if (shift > 2 ** 42) throw new RangeError('varint too long');
		}
	}
	text(): string {
		const length = this.varint();
		if (this.at + length > this.bytes.length) throw new RangeError('past the end');
		const value = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.at, this.at + length));
		this.at += length;
		return value;
	}
	get finished() {
		return this.at === this.bytes.length;
	}
}

/** The progress in a payload of format 2 or 1, or null when it is not one. */
export function unpackGuestProgress(bytes: Uint8Array): GuestProgress | null {
	// Format 1 is JSON: it begins with "{".
	if (bytes[0] === 0x7b) return unpackFormatOne(bytes);
	if (bytes[0] !== FORMAT) return null;
	try {
		const input = new Reader(bytes);
		input.byte();
		const flags = input.byte();
		const base = input.varint();
		const progress = emptyGuestProgress();
		if (flags & FULL_FLAG) progress.full = true;
		// A null key or id: a number from a newer version of this server, read past and skipped.
		const state = (key: string | null) => {
			const value = input.byte();
			if (value > 2) throw new RangeError('unknown state');
			if (value === 0) return;
			const seconds = base + input.varint();
			if (key) progress.l[key] = [value === 2 ? 1 : 0, seconds];
		};
		const score = (key: string | null, quizId: string | undefined) => {
			const value = input.byte();
			if (value > 100) throw new RangeError('score out of range');
			const id = `${key}#${quizId}`;
			if (key && quizId) progress.q[id] = Math.max(progress.q[id] ?? 0, value);
		};
		let number = 0;
		for (let count = input.varint(), i = 0; i < count; i++) {
			number += input.varint();
			const entry = GUEST_PROGRESS_NUMBERS[number];
			state(entry?.lesson ?? null);
			let mask = input.varint();
			for (let bit = 0; mask > 0; bit++, mask = Math.floor(mask / 2)) {
				if (mask % 2) score(entry?.lesson ?? null, entry?.quizzes[bit]);
			}
		}
		for (let count = input.varint(), i = 0; i < count; i++) {
			const key = input.text();
			if (!LESSON_KEY.test(key) || key.length > 80) throw new RangeError('not a lesson key');
			state(key);
			for (let scores = input.varint(), j = 0; j < scores; j++) {
				const id = input.text();
				if (!QUIZ_ID.test(id) || id.length > 60) throw new RangeError('not a quiz id');
				score(key, id);
			}
		}
		return input.finished ? progress : null;
	} catch {
		return null;
	}
}

function unpackFormatOne(bytes: Uint8Array): GuestProgress | null {
	try {
		const parsed = formatOneSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
		return parsed.success ? { l: parsed.data.l, q: parsed.data.q } : null;
	} catch {
		return null;
	}
}
