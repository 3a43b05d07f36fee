/** Every action the audit log records is worded on the audit page (other languages: translations.test.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/lib/server/audit/actions.ts';

const dir = new URL('../../src/lib/i18n/translations/de/', import.meta.url);
const german = Object.assign(
	{},
	...readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')))
) as { audit: { actions: Record<string, string> } };

describe('audit actions', () => {
	it('each have a label on the audit page, and no label is left without its action', () => {
		const keys = AUDIT_ACTIONS.map((action) => action.replaceAll('.', '_'));
		expect(Object.keys(german.audit.actions).sort()).toEqual([...new Set(keys)].sort());
	});

	it('are distinct once their dots are read as underscores (the label key)', () => {
		const keys = AUDIT_ACTIONS.map((action) => action.replaceAll('.', '_'));
		expect(new Set(keys).size).toBe(AUDIT_ACTIONS.length);
	});
});
