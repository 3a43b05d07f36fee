// `npm run content:check [-- <content dir>]`
// Checks the curriculum in content/ (rules in content/README.md): prints each problem as
// `file: message`, then which lessons exist in which language. Exits with 1 on any problem.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatCoverage } from '../src/lib/server/learning/content-check.ts';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'content'));
const { problems, coverage } = checkContent(root);
const shown = (file: string) => path.relative(process.cwd(), path.join(root, file)).replace(/\\/g, '/');

for (const problem of problems) console.log(`${shown(problem.file)}: ${problem.message}`);
if (problems.length) console.log('');
console.log('Lessons per language (translated / lessons in course):\n');
console.log(formatCoverage(coverage));
console.log('');
console.log(
	problems.length
		? `content:check found ${problems.length} problem${problems.length === 1 ? '' : 's'}.`
		: 'content:check: no problems.'
);
process.exitCode = problems.length ? 1 : 0;
