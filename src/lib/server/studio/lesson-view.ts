/**
 * What a studio lesson page shows, for the learner's page and the author's preview alike:
 * the language version to show (the reader's, else the source, labelled) with its body read
 * into the tree and its quizzes (full, for grading: pages send only `publicQuiz`).
 */
import type { ContentLocale, Quiz } from '../../content/schema.ts';
import type { Block } from '../../content/lesson-tree.ts';
import { chooseStudioText, type Snapshot } from './publishing.ts';
import { parseBody } from './markdown.ts';

export interface StudioLessonView {
	title: string;
	minutes: number;
	level: string;
	competences: string[];
	contentLocale: ContentLocale;
	isFallback: boolean;
	blocks: Block[];
	quizzes: Quiz[];
}

export function studioLessonView(snapshot: Snapshot, locale: ContentLocale): StudioLessonView {
	const chosen = chooseStudioText(snapshot, locale);
	return {
		title: chosen.text.title,
		minutes: snapshot.minutes,
		level: snapshot.level,
		competences: snapshot.competences,
		contentLocale: chosen.contentLocale,
		isFallback: chosen.isFallback,
		blocks: parseBody(chosen.text.body).blocks,
		quizzes: chosen.text.quizzes
	};
}
