/**
 * Keeps the seeded participation content (content/participation) complete: every field and
 * project in all nine text versions, phases that make sense on the day of seeding, and enough
 * projects in each phase that the demo always has something open to discuss and support.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PHASE_KINDS, PROJECT_STATUSES, TEXT_LOCALES } from '../../src/lib/server/participation/rules.ts';
import type { SeedProject } from '../../src/lib/server/participation/seed.ts';

const ROOT = path.resolve(import.meta.dirname, '../../content/participation');
const FIELD_SLUGS = [
	'digital-administration',
	'data',
	'basic-technologies',
	'new-ways-of-working',
	'innovation-and-responsibility',
	'people-at-the-centre'
];
const UI_LOCALES = TEXT_LOCALES.filter((locale) => locale !== 'easy');
const PROPER_NAMES = ['LL Moin', 'Rescue Mate', 'Connected Urban Twins'];

const text = z.string().trim().min(1);
const byTextLocale = <T extends z.ZodType>(schema: T) =>
	z.strictObject(Object.fromEntries(TEXT_LOCALES.map((locale) => [locale, schema])) as Record<string, T>);

const fieldSchema = z.strictObject({
	slug: z.enum(FIELD_SLUGS),
	texts: byTextLocale(z.strictObject({ title: text, summary: text }))
});

const fullTexts = z.strictObject({
	title: text.max(80),
	summary: text.max(240),
	description: text,
	result: text.nullable()
});
const projectSchema = z.strictObject({
	slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	field: z.enum(FIELD_SLUGS),
	phases: z
		.array(
			z.strictObject({
				kind: z.enum(PHASE_KINDS),
				startsInDays: z.number().int().nullable(),
				endsInDays: z.number().int().nullable()
			})
		)
		.min(1),
	timeline: z
		.array(
			z.strictObject({
				status: z.enum(PROJECT_STATUSES),
				date: z.iso.date(),
				text: byTextLocale(text)
			})
		)
		.min(1)
		.max(4),
	texts: z.strictObject({
		...Object.fromEntries(UI_LOCALES.map((locale) => [locale, fullTexts])),
		easy: z.strictObject({ title: text.max(80), summary: text.max(240) })
	})
});
// The strict schema above checks the files; the app's own type names what it found.
type Project = SeedProject;
type Phase = Project['phases'][number];

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const projectFiles = fs
	.readdirSync(path.join(ROOT, 'projects'))
	.filter((name) => name.endsWith('.json'))
	.sort();
const projects = projectFiles.map((name) => ({
	name,
	project: projectSchema.parse(readJson(path.join(ROOT, 'projects', name))) as SeedProject
}));

const start = (phase: Phase) => phase.startsInDays ?? -Infinity;
const end = (phase: Phase) => phase.endsInDays ?? Infinity;

/** The phase in force on seeding day (day 0), as phases.ts decides it: started, not ended. */
function phaseOnSeedDay(project: Project): Phase['kind'] {
	const open = project.phases.filter((phase) => start(phase) <= 0 && end(phase) > 0);
	open.sort((a, b) => start(b) - start(a));
	return open[0]?.kind ?? 'information';
}

const sentenceCount = (value: string) => value.split(/(?<=[.!?؟])\s+/).filter(Boolean).length;

describe('seeded fields of action', () => {
	const fields = z.array(fieldSchema).parse(readJson(path.join(ROOT, 'fields.json')));

	it('are the six fields in the strategy order, each in every text version', () => {
		expect(fields.map((field) => field.slug)).toEqual(FIELD_SLUGS);
	});

	it('have summaries of one to three sentences', () => {
		for (const field of fields) {
			for (const [locale, { summary }] of Object.entries(field.texts)) {
				expect(sentenceCount(summary), `${field.slug} ${locale}`).toBeGreaterThanOrEqual(1);
				expect(sentenceCount(summary), `${field.slug} ${locale}`).toBeLessThanOrEqual(locale === 'easy' ? 5 : 3);
			}
		}
	});
});

describe('seeded projects', () => {
	it('are at least twelve, one file per slug, covering every field', () => {
		expect(projects.length).toBeGreaterThanOrEqual(12);
		for (const { name, project } of projects) expect(name).toBe(`${project.slug}.json`);
		expect(new Set(projects.map(({ project }) => project.field))).toEqual(new Set(FIELD_SLUGS));
	});

	it('have phases that do not overlap and run forwards', () => {
		for (const { project } of projects) {
			const phases = [...project.phases].sort((a, b) => start(a) - start(b));
			for (const phase of phases) expect(start(phase), project.slug).toBeLessThan(end(phase));
			for (let i = 1; i < phases.length; i++) {
				expect(start(phases[i]!), `${project.slug}: phase ${i} overlaps`).toBeGreaterThanOrEqual(end(phases[i - 1]!));
			}
		}
	});

	it('leave enough projects in each phase on the day of seeding', () => {
		const counts = { information: 0, discussion: 0, support: 0, closed: 0 };
		for (const { project } of projects) counts[phaseOnSeedDay(project)]++;
		expect(counts.discussion).toBeGreaterThanOrEqual(3);
		expect(counts.support).toBeGreaterThanOrEqual(3);
		expect(counts.closed).toBeGreaterThanOrEqual(2);
		expect(counts.information).toBeGreaterThanOrEqual(2);
	});

	it('publish a result text in every language exactly when closed', () => {
		for (const { project } of projects) {
			const closed = phaseOnSeedDay(project) === 'closed';
			for (const locale of UI_LOCALES) {
				const { result } = project.texts[locale];
				if (closed) {
					expect(result, `${project.slug} ${locale}`).not.toBeNull();
					expect(sentenceCount(result ?? ''), `${project.slug} ${locale}`).toBeGreaterThanOrEqual(2);
					expect(sentenceCount(result ?? ''), `${project.slug} ${locale}`).toBeLessThanOrEqual(4);
				} else {
					expect(result, `${project.slug} ${locale}`).toBeNull();
				}
			}
		}
	});

	it('have plain-text descriptions of two to four paragraphs', () => {
		for (const { project } of projects) {
			for (const locale of UI_LOCALES) {
				const { description, summary, title } = project.texts[locale];
				const paragraphs = description.split('\n\n');
				expect(paragraphs.length, `${project.slug} ${locale}`).toBeGreaterThanOrEqual(2);
				expect(paragraphs.length, `${project.slug} ${locale}`).toBeLessThanOrEqual(4);
				for (const value of [title, summary, ...paragraphs]) {
					expect(value, `${project.slug} ${locale}`).not.toMatch(/[<>*_#`[\]]|https?:|www\.|\n/);
					expect(value.trim()).toBe(value);
				}
			}
		}
	});

	it('have a timeline in date order within the seeded period, ending in a fitting status', () => {
		for (const { project } of projects) {
			const dates = project.timeline.map((entry) => entry.date);
			expect(dates, project.slug).toEqual([...dates].sort());
			for (const date of dates) {
				expect(date >= '2024-01-01' && date <= '2026-11-30', `${project.slug} ${date}`).toBe(true);
			}
		}
		const closed = projects.filter(({ project }) => phaseOnSeedDay(project) === 'closed');
		for (const { project } of closed) expect(['done', 'piloting']).toContain(project.timeline.at(-1)?.status);
	});

	it('keep proper names unchanged in every language', () => {
		for (const { project } of projects) {
			for (const name of PROPER_NAMES.filter((name) => project.texts.de.title.includes(name))) {
				for (const locale of TEXT_LOCALES) {
					const texts = project.texts[locale] as { title: string; summary: string };
					expect(`${texts.title} ${texts.summary}`, `${project.slug} ${locale}`).toContain(name);
				}
			}
		}
	});

	it('write the non-Latin languages in their own scripts', () => {
		const scripts: Partial<Record<(typeof TEXT_LOCALES)[number], RegExp>> = {
			ar: /\p{Script=Arabic}/u,
			fa: /\p{Script=Arabic}/u,
			uk: /\p{Script=Cyrillic}/u,
			ru: /\p{Script=Cyrillic}/u
		};
		for (const { project } of projects) {
			for (const [locale, script] of Object.entries(scripts)) {
				const texts = project.texts[locale as keyof Project['texts']];
				expect(texts.summary, `${project.slug} ${locale}`).toMatch(script);
			}
		}
	});
});
