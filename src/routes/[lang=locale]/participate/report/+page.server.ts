import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { sameOriginPath } from '$lib/server/auth/request';
import { linkedText } from '$lib/server/text/linked-text';
import { reportForm } from '$lib/server/moderation/forms';
import type { PostRefInput } from '$lib/server/moderation/posts';
import { REPORT_DETAILS_MAX_LENGTH, REPORT_REASONS } from '$lib/server/moderation/rules';
import { reportablePost, reportPost } from '$lib/server/moderation/reports';
import { retryParams } from '$lib/server/security/limits';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const ID = /^[a-z0-9-]{1,64}$/;

function targetOf(url: URL): PostRefInput | null {
	const comment = url.searchParams.get('comment');
	const proposal = url.searchParams.get('proposal');
	if (comment && !proposal && ID.test(comment)) return { kind: 'comment', id: comment };
	if (proposal && !comment && ID.test(proposal)) return { kind: 'proposal', id: proposal };
	return null;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const target = targetOf(event.url);
	if (!target) error(404, 'errors.notFound');
	const check = await reportablePost(event.locals.db, user.id, target);
	if (!check.ok && check.reason === 'notFound') error(404, 'errors.notFound');
	const post = check.post!;
	const back =
		sameOriginPath(event.url.searchParams.get('back'), event.url.origin) ?? `/${event.locals.locale}${post.path}`;
	return {
		target,
		ownPost: !check.ok,
		back,
		reasons: REPORT_REASONS,
		detailsMax: REPORT_DETAILS_MAX_LENGTH,
		post: { title: post.title, text: linkedText(post.text), author: post.authorUsername, path: post.path }
	};
};

const MESSAGES = {
	notFound: 'report.errors.notFound',
	ownPost: 'report.errors.ownPost',
	alreadyReported: 'report.errors.alreadyReported',
	rateLimit: 'report.errors.rateLimit'
} as const;

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, reportForm);
		if (!form.ok) return form.failure;
		const { kind, id, reason, details, back } = form.data;
		const result = await reportPost(event.locals.db, user.id, { kind, id }, { reason, details });
		if (!result.ok) {
			return formError('form', MESSAGES[result.reason], {
				status: result.reason === 'rateLimit' ? 429 : result.reason === 'notFound' ? 404 : 409,
				values: form.values,
				params: result.retryAt ? retryParams(result.retryAt, event.locals.locale) : {}
			});
		}
		const target = sameOriginPath(back, event.url.origin);
		if (target) redirect(303, `${target}${target.includes('?') ? '&' : '?'}reported=1`);
		return { reported: true };
	}
};
