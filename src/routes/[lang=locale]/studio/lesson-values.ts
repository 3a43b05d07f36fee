/** What the editor's fields show: a saved lesson's values, or what was sent when it was refused. */
export interface LessonValues {
	sourceLocale: string;
	minutes: string;
	level: string;
	competences: string[];
	prerequisites: string;
	title: string;
	summary: string;
	body: string;
	quizzes: string;
}

/** A problem as the editor shows it (see server/studio/checks.ts). */
export interface ShownProblem {
	field: string;
	line?: number;
	key: string;
	params?: Record<string, string | number>;
}

export const EMPTY_LESSON: LessonValues = {
	sourceLocale: 'de',
	minutes: '5',
	level: 'foundation',
	competences: [],
	prerequisites: '',
	title: '',
	summary: '',
	body: '',
	quizzes: ''
};

/** The values sent with a form, in full (a refused form keeps every word that was typed). */
export function sentValues(form: FormData): LessonValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		sourceLocale: text('sourceLocale'),
		minutes: text('minutes'),
		level: text('level'),
		competences: form.getAll('competences').filter((value): value is string => typeof value === 'string'),
		prerequisites: text('prerequisites'),
		title: text('title'),
		summary: text('summary'),
		body: text('body'),
		quizzes: text('quizzes')
	};
}
