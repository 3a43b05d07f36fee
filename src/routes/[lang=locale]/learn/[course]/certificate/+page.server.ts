import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { courseText, getCatalogue, chooseVersion } from '$lib/server/learning/catalogue';
import {
	CERTIFICATE_PASS_SCORE,
	findCertificate,
	isCourseComplete,
	issueCertificate
} from '$lib/server/learning/certificates';
import { requireUser } from '$lib/server/auth/request';
import { fieldError, readForm } from '$lib/server/validation/form';
import { optionalPlainText } from '$lib/server/validation/text';
import type { Actions, PageServerLoad } from './$types';

function findCourse(event: Pick<RequestEvent, 'params'>) {
	const course = getCatalogue().course((event.params as { course: string }).course);
	if (!course) error(404, 'errors.notFound');
	return course;
}

export const load: PageServerLoad = async (event) => {
	const course = findCourse(event);
	const { user, signInPath } = requireUser(event);
	if (!user) redirect(303, signInPath);
	const { db, locale } = event.locals;
	const complete = await isCourseComplete(db, user.id, course);
	const certificate = complete ? await findCertificate(db, user.id, course.id) : undefined;
	const verifyUrl = certificate ? `${event.url.origin}/${locale}/verify/${certificate.code}` : null;
	const competences = [
		...new Set(course.lessons.flatMap((lesson) => chooseVersion(lesson, locale)?.lesson.competences ?? []))
	].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	return {
		course: { id: course.id, title: courseText(course, locale).title },
		complete,
		passScore: CERTIFICATE_PASS_SCORE,
		competences,
		certificate: certificate
			? {
					code: certificate.code,
					holderName: certificate.holderName,
					showName: certificate.showName,
					issuedAt: certificate.issuedAt
				}
			: null,
		verifyUrl,
		qrCode: verifyUrl
			? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`
			: null
	};
};

const certificateForm = z.object({
	holderName: optionalPlainText({ max: 100 }),
	showName: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});

async function issue(event: RequestEvent) {
	const course = findCourse(event);
	const { user } = requireUser(event);
	if (!user) return fail(401, { errors: fieldError('form', 'learn.certificate.signIn') });
	const form = await readForm(event.request, certificateForm);
	if (!form.ok) return fail(400, { errors: form.errors });
	const certificate = await issueCertificate(event.locals.db, user.id, course, {
		holderName: form.data.holderName,
		showName: form.data.showName && form.data.holderName !== null
	});
	if (!certificate) return fail(400, { errors: fieldError('form', 'learn.certificate.notComplete') });
	return { issued: true };
}

export const actions: Actions = { default: issue };
