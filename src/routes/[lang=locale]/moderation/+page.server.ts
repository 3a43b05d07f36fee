import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/policy';
import { decideAppeal } from '$lib/server/moderation/appeals';
import { blockAccount, listBlockedAccounts, unblockAccount } from '$lib/server/moderation/blocks';
import { decideOnPost } from '$lib/server/moderation/decisions';
import { appealDecisionForm, blockForm, decisionForm, unblockForm } from '$lib/server/moderation/forms';
import { POST_KINDS, type Post } from '$lib/server/moderation/posts';
import {
	listAppeals,
	listPending,
	listReported,
	QUEUE_PAGE_SIZE,
	QUEUE_TABS,
	queueCounts,
	type QueueFilter
} from '$lib/server/moderation/queue';
import { MODERATION_REASONS, REPORT_REASONS } from '$lib/server/moderation/rules';
import { linkedText } from '$lib/server/text/linked-text';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const queueQuery = z.object({
	tab: z.enum(QUEUE_TABS).catch('reported'),
	kind: z.enum(POST_KINDS).nullable().catch(null),
	reason: z.enum(REPORT_REASONS).nullable().catch(null),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

const view = (post: Post) => ({
	kind: post.kind,
	id: post.id,
	authorId: post.authorId,
	author: post.authorUsername,
	state: post.state,
	title: post.title,
	text: linkedText(post.text),
	deleted: post.deleted,
	createdAt: post.createdAt,
	path: post.path
});

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'moderator', 'admin');
	const params = event.url.searchParams;
	const query = queueQuery.parse({
		tab: params.get('tab') ?? undefined,
		kind: params.get('kind') || null,
		reason: params.get('reason') || null,
		page: params.get('page') ?? undefined
	});
	const filter: QueueFilter = { kind: query.kind, reason: query.reason, page: query.page };
	const db = event.locals.db;
	const counts = await queueCounts(db);
	const base = {
		query,
		counts,
		reasons: REPORT_REASONS,
		moderationReasons: MODERATION_REASONS,
		pageSize: QUEUE_PAGE_SIZE
	};
	if (query.tab === 'pending') {
		const page = await listPending(db, filter);
		return { ...base, pages: page.pages, total: page.total, pending: page.items.map(view) };
	}
	if (query.tab === 'appeals') {
		const page = await listAppeals(db, filter);
		const appeals = page.items.map((item) => ({
			id: item.id,
			text: linkedText(item.text),
			createdAt: item.createdAt,
			post: view(item.post),
			decision: { action: item.decision.action, reason: item.decision.reason, note: item.decision.note },
			// Appeals are best decided by someone else than the moderator who decided first.
			ownDecision: item.decision.moderatorId === user.id
		}));
		return { ...base, pages: page.pages, total: page.total, appeals };
	}
	if (query.tab === 'blocked') {
		const blocked = await listBlockedAccounts(db, {
			limit: QUEUE_PAGE_SIZE,
			offset: (query.page - 1) * QUEUE_PAGE_SIZE
		});
		const pages = Math.max(1, Math.ceil(counts.blocked / QUEUE_PAGE_SIZE));
		return { ...base, pages, total: counts.blocked, blocked };
	}
	const page = await listReported(db, filter);
	const reported = page.items.map((item) => ({
		post: view(item.post),
		reports: item.reports,
		reasons: item.reasons,
		details: item.details.map(linkedText),
		firstReportedAt: item.firstReportedAt
	}));
	return { ...base, pages: page.pages, total: page.total, reported };
};

function moderator(event: RequestEvent) {
	return requireRole(event, 'moderator', 'admin');
}

const DECISION_MESSAGES = {
	notFound: 'moderation.errors.notFound',
	stale: 'moderation.errors.stale',
	reasonRequired: 'moderation.errors.reason',
	noOpenReports: 'moderation.errors.noOpenReports'
} as const;

const BLOCK_MESSAGES = {
	notFound: 'moderation.errors.notFound',
	protectedRole: 'moderation.errors.protectedRole',
	alreadyBlocked: 'moderation.errors.alreadyBlocked',
	notBlocked: 'moderation.errors.notBlocked'
} as const;

export const actions: Actions = {
	decide: async (event) => {
		const user = moderator(event);
		const form = await readForm(event.request, decisionForm, { formId: 'decide' });
		if (!form.ok) return form.failure;
		const { kind, id, action, reason, note } = form.data;
		const result = await decideOnPost(event.locals.db, user.id, { kind, id }, { action, reason, note });
		if (!result.ok) {
			const field = result.reason === 'reasonRequired' ? 'reason' : 'form';
			return formError(field, DECISION_MESSAGES[result.reason], {
				status: result.reason === 'notFound' ? 404 : result.reason === 'reasonRequired' ? 400 : 409,
				formId: 'decide',
				values: form.values
			});
		}
		return { done: `moderation.done.${action}` };
	},
	block: async (event) => {
		const user = moderator(event);
		const form = await readForm(event.request, blockForm, { formId: 'block' });
		if (!form.ok) return form.failure;
		const { userId, reason, note } = form.data;
		if (userId === user.id) error(403, 'errors.forbidden');
		const result = await blockAccount(event.locals.db, user.id, userId, { reason, note });
		if (!result.ok) {
			return formError('form', BLOCK_MESSAGES[result.reason], {
				status: result.reason === 'notFound' ? 404 : result.reason === 'protectedRole' ? 403 : 409,
				formId: 'block',
				values: form.values
			});
		}
		return { done: 'moderation.done.block' };
	},
	unblock: async (event) => {
		const user = moderator(event);
		const form = await readForm(event.request, unblockForm, { formId: 'unblock' });
		if (!form.ok) return form.failure;
		const result = await unblockAccount(event.locals.db, user.id, form.data.userId, form.data.note);
		if (!result.ok) {
			return formError('form', BLOCK_MESSAGES[result.reason], { status: 409, formId: 'unblock' });
		}
		return { done: 'moderation.done.unblock' };
	},
	appeal: async (event) => {
		const user = moderator(event);
		const form = await readForm(event.request, appealDecisionForm, { formId: 'appeal' });
		if (!form.ok) return form.failure;
		const { appealId, outcome, note } = form.data;
		const result = await decideAppeal(event.locals.db, user.id, appealId, outcome, note);
		if (!result.ok) {
			return formError('form', DECISION_MESSAGES[result.reason], {
				status: result.reason === 'notFound' ? 404 : 409,
				formId: 'appeal'
			});
		}
		return { done: `moderation.done.appeal_${outcome}` };
	}
};
