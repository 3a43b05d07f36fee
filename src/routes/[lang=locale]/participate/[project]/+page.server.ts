import { error, type RequestEvent } from '@sveltejs/kit';
import { linkedText } from '$lib/server/text/linked-text';
import { requireUser, signInPath } from '$lib/server/auth/policy';
import { discussionActions, loadDiscussion } from '$lib/server/participation/discussion-route';
import { formatDay } from '$lib/server/participation/dates';
import { commentsOpen, supportsOpen } from '$lib/server/participation/phases';
import { findProjectBySlug, projectPage } from '$lib/server/participation/projects';
import { supportForm } from '$lib/server/participation/support-form';
import { addSupport, hasSupported, withdrawSupport } from '$lib/server/participation/supports';
import { formError, readForm } from '$lib/server/validation/form';
import type { DiscussionTarget } from '$lib/discussion';
import type { Actions, PageServerLoad } from './$types';

// The SvelteKit client alone would go over the 40 KB budget of participation pages; every
// form here is a plain form action, so the page works the same without it.
export const csr = false;

/** The discussion under the project this address names (null: no such project). */
async function resolveTarget(event: RequestEvent): Promise<DiscussionTarget | null> {
	const slug = event.params.project ?? '';
	const page = await projectPage(event.locals.db, slug, event.locals.locale);
	if (!page) return null;
	return { kind: 'project', id: page.id, open: commentsOpen(page.phase.kind), path: `/participate/${page.slug}` };
}

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const project = await projectPage(locals.db, params.project, locals.locale);
	if (!project) error(404, 'errors.notFound');
	const target: DiscussionTarget = {
		kind: 'project',
		id: project.id,
		open: commentsOpen(project.phase.kind),
		path: `/participate/${project.slug}`
	};
	const day = (date: Date | null) => (date ? formatDay(date, locals.locale) : null);
	return {
		project: {
			id: project.id,
			slug: project.slug,
			isExample: project.isExample,
			status: project.status,
			field: project.field,
			title: project.title,
			summary: project.summary,
			description: linkedText(project.description),
			lang: project.lang,
			fallback: project.fallback,
			result: project.result
				? { text: linkedText(project.result.text), lang: project.result.lang, fallback: project.result.fallback }
				: null,
			phase: {
				kind: project.phase.kind,
				ends: day(project.phase.endsAt),
				next: project.phase.next ? { kind: project.phase.next.kind, starts: day(project.phase.next.startsAt)! } : null
			},
			timeline: project.timeline.map((entry) => ({
				status: entry.status,
				happened: formatDay(entry.happenedAt, locals.locale),
				text: linkedText(entry.text),
				lang: entry.lang,
				fallback: entry.fallback
			})),
			supports: project.supports,
			comments: project.comments
		},
		supportsOpen: supportsOpen(project.phase.kind),
		supported: locals.user ? await hasSupported(locals.db, locals.user.id, { kind: 'project', id: project.id }) : false,
		// Back to the page itself, not to the action that was posted.
		signInPath: signInPath({ locals, url: new URL(event.url.pathname, event.url) }),
		discussion: await loadDiscussion(event, target)
	};
};

/** Support or withdraw: who (signed in), which project (the address and the hidden field agree), then the domain. */
async function changeSupport(event: RequestEvent, change: typeof addSupport) {
	const user = requireUser(event);
	const project = await findProjectBySlug(event.locals.db, event.params.project ?? '');
	if (!project) error(404, 'errors.notFound');
	const form = await readForm(event.request, supportForm, { formId: 'support' });
	if (!form.ok) return form.failure;
	if (form.data.project !== project.id)
		return formError('form', 'participate.support.wrongProject', { formId: 'support' });
	const result = await change(event.locals.db, user.id, { kind: 'project', id: project.id });
	if (!result.ok) {
		return formError('form', `participate.support.${result.reason}`, {
			formId: 'support',
			status: result.reason === 'notFound' ? 404 : 409
		});
	}
	return { formId: 'support', supported: result.supported, total: result.total };
}

export const actions: Actions = {
	support: (event) => changeSupport(event, addSupport),
	withdraw: (event) => changeSupport(event, withdrawSupport),
	...discussionActions(resolveTarget)
};
