import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { lessonIslands } from './scripts/vite/lesson-islands.js';

export default defineConfig({
	plugins: [lessonIslands(), sveltekit()],
	server: { fs: { allow: ['content'] } },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					// Each file gets fresh databases; PostgreSQL files share one server, so run files one by one.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
