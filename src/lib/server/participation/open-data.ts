/**
 * The open-data export of participation (docs/open-data.md): aggregates only, in German
 * slugs and numbers, never a person's name or id. The JSON and the CSV carry the same rows.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/database.ts';
import { strategyResults } from './results.ts';

export const OPEN_DATA_LICENCE = 'CC BY 4.0';
export const OPEN_DATA_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

export interface OpenData {
	generatedAt: string;
	licence: string;
	licenceUrl: string;
	projects: {
		slug: string;
		field: string;
		status: string;
		phase: string;
		supports: number;
		comments: number;
		/** Proposals belong to fields, not projects: always null here. */
		proposals: null;
	}[];
	fields: { slug: string; projects: number; supports: number; comments: number; proposals: number }[];
}

export async function participationOpenData(db: Db, now = new Date()): Promise<OpenData> {
	const results = await strategyResults(db, 'de', now);
	return {
		generatedAt: now.toISOString(),
		licence: OPEN_DATA_LICENCE,
		licenceUrl: OPEN_DATA_LICENCE_URL,
		projects: results.projects
			.map((project) => ({
				slug: project.slug,
				field: project.fieldSlug,
				status: project.status,
				phase: project.phase,
				supports: project.supports,
				comments: project.comments,
				proposals: null
			}))
			.sort((a, b) => a.slug.localeCompare(b.slug)),
		fields: results.fields.map(({ slug, projects, supports, comments, proposals }) => ({
			slug,
			projects,
			supports,
			comments,
			proposals
		}))
	};
}

export const CSV_COLUMNS = [
	'kind',
	'slug',
	'field',
	'status',
	'phase',
	'projects',
	'supports',
	'comments',
	'proposals'
] as const;

/**
 * One table for both kinds of row: `kind` is "project" or "field"; columns a kind does not
 * have are empty. When it was made and its licence travel in the response's headers
 * (Last-Modified, Link rel="license"), so the file stays one plain table.
 */
export function openDataCsv(data: OpenData): string {
	const rows = [
		...data.projects.map((p) => ['project', p.slug, p.field, p.status, p.phase, '', p.supports, p.comments, '']),
		...data.fields.map((f) => ['field', f.slug, '', '', '', f.projects, f.supports, f.comments, f.proposals])
	];
	return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
