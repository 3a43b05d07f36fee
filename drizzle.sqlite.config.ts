import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/drizzle-kit/sqlite.ts',
	out: './drizzle/sqlite'
});
