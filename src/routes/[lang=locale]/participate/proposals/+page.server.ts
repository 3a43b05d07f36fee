import {
	fieldOptions,
	listProposals,
	PROPOSAL_SORTS,
	PROPOSALS_PER_PAGE,
	type ProposalSort
} from '$lib/server/participation/proposal-listing';
import type { PageServerLoad } from './$types';

const isSort = (value: string | null): value is ProposalSort =>
	(PROPOSAL_SORTS as readonly (string | null)[]).includes(value);

export const load: PageServerLoad = async ({ locals, url }) => {
	const fields = await fieldOptions(locals.db, locals.locale);
	const fieldParam = url.searchParams.get('field');
	const field = fields.find((f) => f.id === fieldParam) ?? null;
	const sortParam = url.searchParams.get('sort');
	const sort: ProposalSort = isSort(sortParam) ? sortParam : 'newest';
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 100_000) : 1;
	const list = await listProposals(locals.db, {
		viewerId: locals.user?.id ?? null,
		fieldId: field?.id ?? null,
		sort,
		page
	});
	const fieldTitles = new Map(fields.map((f) => [f.id, f]));
	return {
		fields,
		field: field?.id ?? '',
		sort,
		sorts: PROPOSAL_SORTS,
		page,
		pageCount: Math.max(1, Math.ceil(list.total / PROPOSALS_PER_PAGE)),
		total: list.total,
		signedIn: locals.user !== null,
		proposals: list.items.map((item) => ({
			...item,
			createdAt: item.createdAt.toISOString(),
			field: fieldTitles.get(item.fieldId) ?? null
		}))
	};
};
