/**
 * How many statements, and how long, moving a full guest cookie into an account takes on
 * PostgreSQL (the merge at sign-up and sign-in, guest-progress.ts mergeGuestProgress).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lotse_x npx tsx scripts/bench-guest-merge.ts
 *
 * A "full cookie": every lesson of the curriculum completed and every quiz answered. Each
 * round merges it into a new account (the sign-up case) and once more into the same account
 * (the sign-in case, where the account already has it all). Statements are counted at the
 * driver (every query sent, begin and commit included). A fresh database is created in the
 * server named by the URL and dropped afterwards. No test asserts on these numbers.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, type Db, type Orm } from '../src/lib/server/db/database.ts';
import { postgresTables } from '../src/lib/server/schema.ts';
import {
	emptyGuestProgress,
	guestComplete,
	guestQuizScore,
	mergeGuestProgress
} from '../src/lib/server/learning/guest-progress.ts';
import { GUEST_PROGRESS_NUMBERS } from '../src/lib/server/learning/guest-progress-numbers.ts';
import { makeUser } from '../tests/helpers/factories.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const name = `lotse_bench_merge_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;

let statements = 0;
// Migrated by the app's own openDatabase; the merge then runs on a client that counts.
const migrated = await openDatabase(url.toString());
const client = postgres(url.toString(), { max: 10, onnotice: () => {}, debug: () => void statements++ });
const orm = drizzle({ client, schema: postgresTables });
const wrap = (handle: Orm, inTransaction: boolean): Db => ({
	dialect: 'postgres',
	orm: handle,
	t: postgresTables,
	transaction(work) {
		if (inTransaction) return work(this);
		return handle.transaction((tx) => work(wrap(tx as unknown as Orm, true)));
	},
	close: () => client.end({ timeout: 5 })
});
const db = wrap(orm as unknown as Orm, false);

const full = emptyGuestProgress();
for (const { lesson, quizzes } of GUEST_PROGRESS_NUMBERS) {
	guestComplete(full, lesson);
	for (const quiz of quizzes) guestQuizScore(full, lesson, quiz, 100);
}
const known = () => true;

async function measure(merge: () => Promise<unknown>) {
	statements = 0;
	const start = process.hrtime.bigint();
	await merge();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, statements };
}

const results: Record<'signUp' | 'signIn', { ms: number; statements: number }[]> = { signUp: [], signIn: [] };
try {
	for (let round = 0; round < ROUNDS + 2; round++) {
		const user = await makeUser(migrated);
		const signUp = await measure(() => mergeGuestProgress(db, user.id, full, known));
		const signIn = await measure(() => mergeGuestProgress(db, user.id, full, known));
		// The first two rounds warm up connections and query plans.
		if (round < 2) continue;
		results.signUp.push(signUp);
		results.signIn.push(signIn);
	}
	const lessons = GUEST_PROGRESS_NUMBERS.length;
	const quizzes = GUEST_PROGRESS_NUMBERS.reduce((sum, entry) => sum + entry.quizzes.length, 0);
	console.log(
		`Merging a full guest cookie (${lessons} lessons, ${quizzes} quiz scores) on PostgreSQL, ${ROUNDS} rounds:`
	);
	for (const [which, runs] of Object.entries(results)) {
		const times = runs.map((run) => run.ms).sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)]!;
		console.log(
			`  ${which.padEnd(7)} statements ${runs[0]!.statements}, ms min ${times[0]!.toFixed(1)} / median ${median.toFixed(1)} / max ${times.at(-1)!.toFixed(1)}`
		);
	}
} finally {
	await client.end({ timeout: 5 });
	await migrated.close();
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}
