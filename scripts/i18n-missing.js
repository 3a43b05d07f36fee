#!/usr/bin/env node
// Lists, per UI language, the translation keys that German has and that language lacks
// (and keys it has that German does not). Used by translators; the unit tests enforce it.
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../src/lib/i18n/translations/', import.meta.url);
const flatten = (obj, prefix = '') =>
	Object.entries(obj).flatMap(([k, v]) =>
		v && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]
	);
const keysOf = (file) => new Set(flatten(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))));
const reference = keysOf('de.json');
let problems = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'de.json')) {
	const keys = keysOf(file);
	const missing = [...reference].filter((k) => !keys.has(k));
	const extra = [...keys].filter((k) => !reference.has(k));
	if (missing.length || extra.length) {
		problems++;
		console.log(`${file}: ${missing.length} missing, ${extra.length} extra`);
		for (const k of missing) console.log(`  missing ${k}`);
		for (const k of extra) console.log(`  extra   ${k}`);
	}
}
if (!problems) console.log('All translation files have exactly the German keys.');
process.exitCode = problems ? 1 : 0;
