import { z } from 'zod';
import { AUDIT_ACTIONS } from '$lib/server/audit/actions';
import { auditActions, listAudit } from '$lib/server/audit/list';
import { requireRole } from '$lib/server/auth/policy';
import type { PageServerLoad } from './$types';

const auditQuery = z.object({
	action: z.enum(AUDIT_ACTIONS).nullable().catch(null),
	actor: z.string().max(64).nullable().catch(null),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const query = auditQuery.parse({
		action: params.get('action') || null,
		actor: params.get('actor')?.trim() || null,
		page: params.get('page') ?? undefined
	});
	const [list, actions] = await Promise.all([listAudit(event.locals.db, query), auditActions(event.locals.db)]);
	return { ...list, actions, query };
};
