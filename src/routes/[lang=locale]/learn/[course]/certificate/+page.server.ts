import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/policy';
import { courseCompetences, courseText, findCourse } from '$lib/server/learning/catalogue';
import { verificationQrCode } from '$lib/server/learning/certificate-qr';
import {
	CERTIFICATE_PASS_SCORE,
	findCertificate,
	isCourseComplete,
	issueCertificate
} from '$lib/server/learning/certificates';
import { formError, readForm } from '$lib/server/validation/form';
import { optionalPlainText } from '$lib/server/validation/text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const course = findCourse(event.params.course);
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const complete = await isCourseComplete(db, user.id, course);
	const certificate = complete ? await findCertificate(db, user.id, course.id) : undefined;
	const verifyUrl = certificate ? `${event.url.origin}/${locale}/verify/${certificate.code}` : null;
	return {
		course: { id: course.id, title: courseText(course, locale).title },
		complete,
		passScore: CERTIFICATE_PASS_SCORE,
		competences: courseCompetences(course, locale),
		certificate: certificate
			? {
					code: certificate.code,
					holderName: certificate.holderName,
					showName: certificate.showName,
					issuedAt: certificate.issuedAt
				}
			: null,
		verifyUrl,
		qrCode: verifyUrl ? await verificationQrCode(verifyUrl) : null
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
	const course = findCourse(event.params.course ?? '');
	const user = requireUser(event);
	const form = await readForm(event.request, certificateForm);
	if (!form.ok) return form.failure;
	const certificate = await issueCertificate(event.locals.db, user.id, course, {
		holderName: form.data.holderName,
		showName: form.data.showName && form.data.holderName !== null
	});
	if (!certificate) return formError('form', 'learn.certificate.notComplete', { values: form.values });
	return { issued: true };
}

export const actions: Actions = { default: issue };
