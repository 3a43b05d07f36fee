// `npm run user:create -- --username NAME --role admin`
// Creates an account. The password is read from standard input when it is piped in, and
// asked for (without echo) when run in a terminal. It is never taken from the command line,
// where it would end up in the shell history.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { registerUser } from '../src/lib/server/auth/account.ts';
import { username as usernameSchema } from '../src/lib/server/auth/schemas.ts';
import { DEFAULT_ROLE, isRole, ROLES } from '../src/lib/roles.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../src/lib/server/db/database.ts';
import { DEFAULT_LOCALE, isLocale } from '../src/lib/i18n/locales.ts';
import en from '../src/lib/i18n/translations/en/shell.json' with { type: 'json' };

const { values } = parseArgs({
	options: {
		username: { type: 'string' },
		role: { type: 'string', default: DEFAULT_ROLE },
		locale: { type: 'string', default: DEFAULT_LOCALE }
	}
});

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const messageFor = (key: string) =>
	(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) as
		string | undefined) ?? key;

const parsedUsername = usernameSchema.safeParse(values.username ?? '');
if (!parsedUsername.success) fail(`--username: ${messageFor(parsedUsername.error.issues[0]!.message)}`);
const role = values.role;
if (!isRole(role)) fail(`--role must be one of: ${ROLES.join(', ')}`);
if (!isLocale(values.locale)) fail('--locale must be one of: de, en, tr, ar, uk, ru, fa, pl');

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		let input = '';
		for await (const chunk of process.stdin) input += chunk;
		return input.replace(/\r?\n$/, '');
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const write = rl as unknown as { _writeToOutput: (s: string) => void };
	let muted = false;
	write._writeToOutput = (s: string) => {
		if (!muted) process.stdout.write(s);
	};
	return new Promise((resolve) => {
		rl.question('Password: ', (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
		muted = true;
	});
}

const password = await readPassword();
const db = await openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
	const result = await registerUser(db, {
		username: parsedUsername.data,
		password,
		locale: values.locale,
		role
	});
	if (!result.ok) fail(messageFor(result.error));
	console.log(`Created ${result.value.role} "${result.value.username}".`);
} finally {
	await db.close();
}
