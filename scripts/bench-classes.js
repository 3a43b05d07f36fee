// The classes part of `npm run bench` (see bench.js, which starts the server): the server
// time of a class's progress report, as its instructor sees it. A class of 30 learners, then
// one of 300, has every lesson of the catalogue assigned (25 today: the catalogue has no 40),
// and each learner has progress and 3 attempts on each of 40 lessons: the 25 assigned ones and
// 15 lesson keys the class is not assigned (as a learner's other learning, which the report
// must leave out). Median of 20 requests one after another, each checked: status 200, the
// report's own title, the learner count in its summary and one row header per learner.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { insertUsers, median, rawClient } from './bench-participation.js';

const TARGET_MS = 100;
const REQUESTS = 20;
const LESSONS_WITH_ACTIVITY = 40;
const ATTEMPTS_PER_LESSON = 3;
const SIZES = [30, 300];
const id = () => randomBytes(12).toString('hex');
const DAY = 86_400_000;

/** The catalogue's lessons and their quiz ids, read from content/ as the app reads them. */
function catalogueLessons() {
	const lessons = [];
	const strip = (name) => name.replace(/^\d+-/, '');
	for (const course of readdirSync('content/courses').sort()) {
		const dir = `content/courses/${course}`;
		for (const lesson of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
			const source = readFileSync(`${dir}/${lesson.name}/de.svx`, 'utf8');
			const quizIds = [...source.split('\n---')[0].matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
			lessons.push({ courseId: strip(course), key: `${strip(course)}/${strip(lesson.name)}`, quizIds });
		}
	}
	return lessons;
}

async function seedClass(raw, size, lessons) {
	const now = Date.now();
	const [instructor] = await insertUsers(raw, 1, 'instructor', `bench-instructor-${size}`);
	const learners = await insertUsers(raw, size, 'learner', `bench-class-${size}`);
	const classId = id();
	const name = `Bench-Klasse ${size}`;
	const courses = [...new Set(lessons.map((lesson) => lesson.courseId))];
	const activity = [
		...lessons,
		...Array.from({ length: LESSONS_WITH_ACTIVITY - lessons.length }, (_, i) => ({
			key: `elsewhere/lesson-${i}`,
			quizIds: ['q1']
		}))
	];
	await raw.transaction(async () => {
		await raw.run(
			'insert into classes (id, name, schedule, course_locale, join_code, created_at, archived_at) values (?, ?, null, null, ?, ?, null)',
			[classId, name, id().slice(0, 10).toUpperCase(), new Date(now - 60 * DAY)]
		);
		await raw.run("insert into class_instructors (class_id, user_id, role, added_at) values (?, ?, 'owner', ?)", [
			classId,
			instructor.id,
			new Date(now - 60 * DAY)
		]);
		for (const [i, courseId] of courses.entries()) {
			await raw.run(
				"insert into assignments (id, class_id, kind, target, due_at, note, assigned_by_user_id, created_at) values (?, ?, 'course', ?, ?, null, ?, ?)",
				[id(), classId, courseId, new Date(now + (i - 1) * 7 * DAY), instructor.id, new Date(now - (50 - i) * DAY)]
			);
		}
		for (const [n, learner] of learners.entries()) {
			await raw.run('insert into class_members (class_id, user_id, joined_at) values (?, ?, ?)', [
				classId,
				learner.id,
				new Date(now - 40 * DAY)
			]);
			for (const [i, lesson] of activity.entries()) {
				const at = new Date(now - ((n + i) % 20) * DAY);
				const done = (n + i) % 3 !== 0;
				await raw.run(
					'insert into lesson_progress (user_id, lesson_key, status, started_at, completed_at, updated_at) values (?, ?, ?, ?, ?, ?)',
					[learner.id, lesson.key, done ? 'completed' : 'started', at, done ? at : null, at]
				);
				for (let a = 0; a < ATTEMPTS_PER_LESSON; a++) {
					await raw.run(
						'insert into quiz_attempts (id, user_id, lesson_key, quiz_id, score, created_at) values (?, ?, ?, ?, ?, ?)',
						[
							id(),
							learner.id,
							lesson.key,
							lesson.quizIds[a % lesson.quizIds.length],
							(n * 7 + i * 13 + a * 29) % 101,
							at
						]
					);
				}
			}
		}
	});
	return { classId, name, instructor, learners: size };
}

async function reportTime(base, seeded, fail) {
	const path = `/de/classes/${seeded.classId}/report`;
	const headers = { cookie: seeded.instructor.cookie };
	const fetch = (url, init) =>
		globalThis.fetch(url, init).catch((error) => fail(`${url}: ${error.cause?.message ?? error.message}`));
	const marks = [
		// The class name sits isolated in the title (isolate(): U+2068 … U+2069).
		`<title>Lernstand: \u2068${seeded.name}\u2069 – Lotse</title>`,
		`data-testid="report-learners">${seeded.learners}<`,
		'action="/de/signout"'
	];
	const check = (response, html) => {
		if (response.status !== 200) fail(`${path} answered ${response.status}`);
		for (const mark of marks) if (!html.includes(mark)) fail(`${path} is not the report meant (no ${mark})`);
		const rows = html.split('scope="row"').length - 1;
		if (rows !== seeded.learners) fail(`${path} has ${rows} learner rows, ${seeded.learners} expected`);
	};
	// After the long seeding the server may have closed the idle kept-alive connection just as
	// it is reused ("other side closed"): the first warm-up request may be repeated once.
	await globalThis.fetch(base + path, { headers }).then(
		(r) => r.arrayBuffer(),
		() => undefined
	);
	for (let i = 0; i < 3; i++) {
		const response = await fetch(base + path, { headers });
		check(response, await response.text());
	}
	const times = [];
	for (let i = 0; i < REQUESTS; i++) {
		const start = performance.now();
		const response = await fetch(base + path, { headers });
		const html = await response.text();
		times.push(performance.now() - start);
		check(response, html);
	}
	return times;
}

/** The classes measurements on one engine; bench.js has started the server on `databaseUrl`. */
export async function classesBench(engine, databaseUrl, base, fail) {
	const raw = rawClient(databaseUrl);
	const lessons = catalogueLessons();
	try {
		const rows = [];
		for (const size of SIZES) {
			const seeded = await seedClass(raw, size, lessons);
			const times = await reportTime(base, seeded, fail);
			const ms = median(times);
			const row = {
				engine,
				learners: size,
				'assigned lessons': lessons.length,
				'attempts in the class': size * LESSONS_WITH_ACTIVITY * ATTEMPTS_PER_LESSON,
				'median ms': +ms.toFixed(1),
				'max ms': +Math.max(...times).toFixed(1),
				[`< ${TARGET_MS} ms`]: size === 30 ? ms < TARGET_MS : '–'
			};
			rows.push(row);
			console.log(`  ${engine}: class report, ${size} learners: ${row['median ms']} ms`);
		}
		return rows;
	} finally {
		await raw.close();
	}
}
