/**
 * Components must take every user-facing word from the translation files. This test reads
 * each .svelte file and fails on text between tags, and on literal values of attributes
 * that people see or hear (aria-label, alt, title, placeholder, label…), that contain
 * letters. Expressions like {t('key')} are fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/', import.meta.url).pathname;
const SPOKEN_ATTRIBUTES = new Set([
	'aria-label',
	'aria-description',
	'alt',
	'title',
	'placeholder',
	'label',
	'aria-roledescription',
	'aria-valuetext'
]);
const LETTER = /\p{L}/u;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? svelteFiles(path) : path.endsWith('.svelte') ? [path] : [];
	});
}

type Node = { type: string; [key: string]: unknown };

export function hardcodedText(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const found: string[] = [];
	const visit = (node: unknown, parentName?: string): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, parentName));
		const n = node as Node;
		if (n.type === 'Text' && parentName !== 'style' && parentName !== 'script' && LETTER.test(String(n.data))) {
			found.push(String(n.data).trim());
		}
		if (n.type === 'Attribute' && SPOKEN_ATTRIBUTES.has(String(n.name)) && Array.isArray(n.value)) {
			for (const part of n.value as Node[])
				if (part.type === 'Text' && LETTER.test(String(part.data))) found.push(`${n.name}="${part.data}"`);
		}
		const name = typeof n.name === 'string' ? n.name : parentName;
		for (const [key, value] of Object.entries(n)) {
			// Attribute values are handled above; skip script/style blocks and metadata.
			if (key === 'value' && n.type === 'Attribute') continue;
			if (key === 'instance' || key === 'module' || key === 'css' || key === 'metadata') continue;
			if (value && typeof value === 'object') visit(value, name);
		}
	};
	visit(ast.fragment);
	return found;
}

describe('components', () => {
	it('the checker itself catches text and spoken attributes, and lets translations through', () => {
		expect(hardcodedText('<p>Hallo</p>')).toEqual(['Hallo']);
		expect(hardcodedText('<img alt="Ein Bild" src="x.png" />')).toEqual(['alt="Ein Bild"']);
		expect(hardcodedText('<button aria-label="Close">{t("close")}</button>')).toEqual(['aria-label="Close"']);
		expect(hardcodedText('<p>{t("home.title")}</p><span class="x">·</span>')).toEqual([]);
	});

	for (const file of svelteFiles(root)) {
		it(`${relative(root, file)} has no hard-coded user-facing text`, () => {
			expect(hardcodedText(readFileSync(file, 'utf8'))).toEqual([]);
		});
	}
});
