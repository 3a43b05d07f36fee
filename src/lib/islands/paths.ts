// $app/paths for the lesson islands: Lotse is served from the site root.
export const base = '';

export function asset(path: string): string {
	return path;
}
