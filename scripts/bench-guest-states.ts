/**
 * Prints progress cookies for `count` guests who each stand differently in one lesson, signed
 * with the key of the server whose database is named; bench-memory.js sends them.
 *
 *   npx tsx scripts/bench-guest-states.ts <database-url> <lesson-key> <count>
 *
 * Every guest has opened the lesson and has a different set of best quiz scores in it, so
 * every one of them sees a page of their own (the kept-page key, guest-lesson-pages.ts).
 */
import { openDatabase } from '../src/lib/server/db/database.ts';
import {
	emptyGuestProgress,
	encodeGuestProgress,
	GUEST_PROGRESS_COOKIE,
	guestProgressKey,
	guestQuizScore,
	guestStart
} from '../src/lib/server/learning/guest-progress.ts';
import { GUEST_PROGRESS_NUMBERS } from '../src/lib/server/learning/guest-progress-numbers.ts';

const [url, lesson, countText] = process.argv.slice(2);
const count = Number(countText);
const quizzes = GUEST_PROGRESS_NUMBERS.find((entry) => entry.lesson === lesson)?.quizzes ?? [];
if (!url || !lesson || !Number.isInteger(count) || quizzes.length === 0) {
	throw new Error('usage: bench-guest-states.ts <database-url> <lesson-key with quizzes> <count>');
}
// Scores 1–100 per quiz: with three quizzes, a million different guests.
if (count > 100 ** quizzes.length) throw new Error(`${lesson} has room for ${100 ** quizzes.length} guests`);

const db = await openDatabase(url);
const key = await guestProgressKey(db);
const cookies: string[] = [];
for (let i = 0; i < count; i++) {
	const progress = emptyGuestProgress();
	guestStart(progress, lesson);
	quizzes.forEach((quiz, place) => guestQuizScore(progress, lesson, quiz, 1 + (Math.floor(i / 100 ** place) % 100)));
	cookies.push(`${GUEST_PROGRESS_COOKIE}=${encodeGuestProgress(progress, key)}`);
}
await db.close();
process.stdout.write(JSON.stringify(cookies));
