/**
 * Zero axe violations on the proposal pages in every language, normal and high contrast:
 * the list, the new-proposal form, a proposal page with a discussion (a reply, an edited
 * and a deleted comment, one waiting for review) for a guest and for its author, and the
 * edit page.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/database.ts';
import type { SignedIn } from './fixtures';
import { makeTrustedUser } from '../helpers/discussion-factories.ts';
import { makeComment, makeField, makeProposal } from '../helpers/participation-factories.ts';
import { definePageMatrix } from './axe-matrix';

async function proposalWithDiscussion(db: Db, visitor: SignedIn | null) {
	const author = await makeTrustedUser(db);
	const field = await makeField(db);
	const proposal = await makeProposal(db, visitor?.id ?? author.id, {
		fieldId: field.id,
		problem: 'Heute muss man dafür ins Amt: https://example.org/amt'
	});
	const top = await makeComment(db, author.id, { proposalId: proposal.id, body: 'Gute Idee.\n\nZweiter Absatz.' });
	await makeComment(db, author.id, { proposalId: proposal.id, parentId: top.id, body: 'Eine Antwort.' });
	const edited = await makeComment(db, author.id, { proposalId: proposal.id, body: 'Bearbeitet.' });
	const c = db.t.participationComments;
	await db.orm.update(c).set({ editedAt: new Date() }).where(eq(c.id, edited.id));
	const deleted = await makeComment(db, author.id, { proposalId: proposal.id });
	await makeComment(db, author.id, { proposalId: proposal.id, parentId: deleted.id, body: 'Antwort auf Gelöschtes.' });
	await db.orm.update(c).set({ body: '', deletedAt: new Date() }).where(eq(c.id, deleted.id));
	if (visitor)
		await makeComment(db, visitor.id, { proposalId: proposal.id, state: 'pending', body: 'Meiner, wartet.' });
	return `/participate/proposals/${proposal.id}`;
}

async function editablePropsal(db: Db, visitor: SignedIn | null) {
	const proposal = await makeProposal(db, visitor!.id);
	return `/participate/proposals/${proposal.id}/edit`;
}

definePageMatrix([
	{ path: '/participate/proposals', who: 'guest' },
	{ path: '/participate/proposals', who: 'learner' },
	{ path: '/participate/proposals/new', who: 'learner' },
	{ path: proposalWithDiscussion, name: 'proposal page with a discussion', who: 'guest' },
	{ path: proposalWithDiscussion, name: 'proposal page with a discussion', who: 'learner' },
	{ path: editablePropsal, name: 'proposal edit page', who: 'learner' }
]);
