/** The proposal form (new and edit), validated at the server boundary. */
import { z } from 'zod';
import { optionalPlainText, plainText } from '../validation/text.ts';
import { PROPOSAL_DESCRIPTION_MAX_LENGTH, PROPOSAL_PROBLEM_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH } from './rules.ts';
import type { ProposalRefusal } from './proposals.ts';

export const proposalForm = z.object({
	fieldId: z.string({ error: 'proposals.errors.field' }).regex(/^[\w-]{1,64}$/, 'proposals.errors.field'),
	title: plainText({ max: PROPOSAL_TITLE_MAX_LENGTH }),
	description: plainText({ max: PROPOSAL_DESCRIPTION_MAX_LENGTH, multiline: true }),
	problem: optionalPlainText({ max: PROPOSAL_PROBLEM_MAX_LENGTH, multiline: true })
});

export const PROPOSAL_REFUSAL: Record<ProposalRefusal, { field: string; key: string; status: number }> = {
	fieldNotFound: { field: 'fieldId', key: 'proposals.errors.field', status: 400 },
	notFound: { field: 'form', key: 'errors.notFound', status: 404 },
	notAuthor: { field: 'form', key: 'proposals.errors.notAuthor', status: 403 },
	locked: { field: 'form', key: 'proposals.errors.locked', status: 409 },
	rateLimited: { field: 'form', key: 'proposals.errors.rateLimited', status: 429 }
};
