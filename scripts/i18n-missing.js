#!/usr/bin/env node
// Lists, per UI language, the translation keys that German has and that language lacks
// (and keys it has that German does not). Translations live in
// src/lib/i18n/translations/<locale>/<part>.json. The unit tests enforce the same rule.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../src/lib/i18n/translations/', import.meta.url);
const flatten = (obj, prefix = '') =>
	Object.entries(obj).flatMap(([k, v]) =>
		v && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]
	);
// German plurals (key_one/key_other) expand to the plural forms each language needs.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const parts = readdirSync(new URL('de/', dir)).filter((f) => f.endsWith('.json'));
let problems = 0;
for (const locale of readdirSync(dir).filter((d) => d !== 'de' && !d.includes('.'))) {
	for (const part of parts) {
		const file = new URL(`${locale}/${part}`, dir);
		const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
		const reference = new Set(
			flatten(JSON.parse(readFileSync(new URL(`de/${part}`, dir), 'utf8'))).flatMap((key) =>
				PLURAL.test(key) ? forms.map((form) => key.replace(PLURAL, `_${form}`)) : [key]
			)
		);
		const keys = existsSync(file) ? new Set(flatten(JSON.parse(readFileSync(file, 'utf8')))) : new Set();
		const missing = [...reference].filter((k) => !keys.has(k));
		const extra = [...keys].filter((k) => !reference.has(k));
		if (missing.length || extra.length) {
			problems++;
			console.log(`${locale}/${part}: ${missing.length} missing, ${extra.length} extra`);
			for (const k of missing) console.log(`  missing ${k}`);
			for (const k of extra) console.log(`  extra   ${k}`);
		}
	}
}
if (!problems) console.log('All translation files have exactly the German keys.');
process.exitCode = problems ? 1 : 0;
