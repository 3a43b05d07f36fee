/**
 * The discussion under a project or a proposal, for the pages that show one. A page's load
 * calls `loadDiscussion`, its actions spread `discussionActions(resolveTarget)`, and it
 * renders <Discussion>. The target always comes from the page (`resolveTarget`), never from
 * the form; comment ids from the form are checked against it.
 *
 * Without JavaScript every step is a link or a form: ?reply=<id> opens a reply form,
 * ?edit=<id> the edit form, ?delete=<id> the confirmation. After a write the page is
 * redirected (303) back to the comment's anchor, so reloading does not post again.
 */
import { error, redirect, type Action, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import {
	COMMENT_SORTS,
	COMMENTS_PER_PAGE,
	type CommentSort,
	type DiscussionData,
	type DiscussionTarget
} from '../../discussion.ts';
import { requireUser, signInPath } from '../auth/policy.ts';
import { retryParams } from '../security/limits.ts';
import { formError, readForm } from '../validation/form.ts';
import { plainText } from '../validation/text.ts';
import { listComments } from './comment-listing.ts';
import { commentingOn, createComment, deleteComment, editComment, type CommentRefusal } from './comments.ts';
import { COMMENT_MAX_LENGTH } from './rules.ts';

export type { DiscussionData, DiscussionTarget };

/** Query parameters that are one step of the discussion, not part of the page's state. */
const ONE_OFF = ['reply', 'edit', 'delete'];

function keptQuery(url: URL): string {
	const params = new URLSearchParams();
	for (const [key, value] of url.searchParams) {
		if (!key.startsWith('/') && !ONE_OFF.includes(key)) params.append(key, value);
	}
	return params.toString();
}

const isSort = (value: string | null): value is CommentSort =>
	(COMMENT_SORTS as readonly (string | null)[]).includes(value);
const idParam = (url: URL, name: string) => {
	const value = url.searchParams.get(name);
	return value && /^[\w-]{1,64}$/.test(value) ? value : null;
};

export async function loadDiscussion(event: RequestEvent, target: DiscussionTarget): Promise<DiscussionData> {
	const { db, user } = event.locals;
	const url = event.url;
	const sortParam = url.searchParams.get('comments');
	const sort: CommentSort = isSort(sortParam) ? sortParam : 'newest';
	const requested = Number.parseInt(url.searchParams.get('cpage') ?? '1', 10);
	const wanted = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 100_000) : 1;
	let list = await listComments(db, target, {
		viewerId: user?.id ?? null,
		sort,
		page: wanted,
		pageSize: COMMENTS_PER_PAGE
	});
	const pageCount = Math.max(1, Math.ceil(list.total / COMMENTS_PER_PAGE));
	const page = Math.min(wanted, pageCount);
	if (page !== wanted) {
		list = await listComments(db, target, { viewerId: user?.id ?? null, sort, page, pageSize: COMMENTS_PER_PAGE });
	}
	let closedBecause: DiscussionData['closedBecause'] = null;
	if (!target.open) {
		const why = await commentingOn(db, target);
		closedBecause =
			why.phase === 'information' || why.phase === 'support' || why.phase === 'closed' ? why.phase : 'proposal';
	}
	return {
		target,
		signedIn: user !== null,
		signInHref: signInPath(event),
		closedBecause,
		sort,
		page,
		pageCount,
		total: list.total,
		comments: list.comments,
		query: keptQuery(url),
		replyTo: idParam(url, 'reply'),
		editing: idParam(url, 'edit'),
		confirmDelete: idParam(url, 'delete')
	};
}

const body = plainText({ max: COMMENT_MAX_LENGTH, multiline: true });
const commentId = z
	.string({ error: 'discussion.errors.commentNotFound' })
	.regex(/^[\w-]{1,64}$/, 'discussion.errors.commentNotFound');
const newCommentForm = z.object({ body, parentId: commentId.optional() });
const editCommentForm = z.object({ body, commentId });
const deleteCommentForm = z.object({ commentId });

const REFUSAL: Record<CommentRefusal, { key: string; status: number }> = {
	notFound: { key: 'discussion.errors.commentNotFound', status: 404 },
	closed: { key: 'discussion.errors.closed', status: 409 },
	parentNotFound: { key: 'discussion.errors.commentNotFound', status: 404 },
	rateLimited: { key: 'discussion.errors.rateLimited', status: 429 },
	notAuthor: { key: 'discussion.errors.notAuthor', status: 403 },
	editWindowOver: { key: 'discussion.errors.editWindowOver', status: 409 }
};

/** An empty comment gets its own message rather than the generic "please fill in". */
function withEmptyMessage<T extends { status: number; data: { errors: Record<string, string> } }>(failure: T): T {
	if (failure.data.errors.body === 'errors.required') failure.data.errors.body = 'discussion.errors.empty';
	return failure;
}

function backTo(event: RequestEvent, target: DiscussionTarget, anchor: string): never {
	const query = keptQuery(event.url);
	redirect(303, `/${event.locals.locale}${target.path}${query ? `?${query}` : ''}#${anchor}`);
}

export function discussionActions(
	resolveTarget: (event: RequestEvent) => Promise<DiscussionTarget | null>
): Record<string, Action> {
	const targetOf = async (event: RequestEvent) => {
		const target = await resolveTarget(event);
		if (!target) error(404, 'errors.notFound');
		return target;
	};
	return {
		comment: async (event) => {
			const user = requireUser(event);
			const target = await targetOf(event);
			const raw = await event.request
				.clone()
				.formData()
				.catch(() => null);
			const parent = raw?.get('parentId');
			const formId = typeof parent === 'string' && parent ? `reply-${parent}` : 'comment';
			const form = await readForm(event.request, newCommentForm, { formId });
			if (!form.ok) return withEmptyMessage(form.failure);
			const result = await createComment(event.locals.db, {
				authorId: user.id,
				target,
				parentId: form.data.parentId ?? null,
				body: form.data.body,
				locale: event.locals.locale,
				path: target.path
			});
			if (!result.ok) {
				const refusal = REFUSAL[result.reason];
				// A message for the whole form: the summary fills in its parameters (when to try again).
				return formError('form', refusal.key, {
					status: refusal.status,
					formId,
					values: form.values,
					params: result.retryAt ? retryParams(result.retryAt, event.locals.locale) : {}
				});
			}
			backTo(event, target, `comment-${result.id}`);
		},
		editComment: async (event) => {
			const user = requireUser(event);
			const target = await targetOf(event);
			const raw = await event.request
				.clone()
				.formData()
				.catch(() => null);
			const id = raw?.get('commentId');
			const formId = `edit-${typeof id === 'string' ? id : ''}`;
			const form = await readForm(event.request, editCommentForm, { formId });
			if (!form.ok) return withEmptyMessage(form.failure);
			const result = await editComment(event.locals.db, {
				userId: user.id,
				target,
				commentId: form.data.commentId,
				body: form.data.body
			});
			if (!result.ok) {
				const refusal = REFUSAL[result.reason];
				return formError('form', refusal.key, { status: refusal.status, formId, values: form.values });
			}
			backTo(event, target, `comment-${result.id}`);
		},
		deleteComment: async (event) => {
			const user = requireUser(event);
			const target = await targetOf(event);
			const form = await readForm(event.request, deleteCommentForm, { formId: 'delete' });
			if (!form.ok) return form.failure;
			const result = await deleteComment(event.locals.db, {
				userId: user.id,
				target,
				commentId: form.data.commentId
			});
			if (!result.ok) {
				const refusal = REFUSAL[result.reason];
				return formError('form', refusal.key, { status: refusal.status, formId: `delete-${form.data.commentId}` });
			}
			backTo(
				event,
				target,
				result.removed
					? result.parentId
						? `comment-${result.parentId}`
						: 'comments'
					: `comment-${form.data.commentId}`
			);
		}
	};
}
