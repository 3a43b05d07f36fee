/**
 * The support and withdraw forms of a project page: the one hidden field names the project,
 * so a form posted to another project's address (a stale tab, a forged request) is refused
 * instead of counted for the wrong one.
 */
import { z } from 'zod';

export const supportForm = z.object({
	project: z.string().min(1).max(64)
});
