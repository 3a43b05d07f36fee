import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/drizzle-kit/postgres.ts',
	out: './drizzle/postgres'
});
