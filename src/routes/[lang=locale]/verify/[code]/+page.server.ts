import { courseTitle } from '$lib/server/learning/catalogue';
import { certificateByCode } from '$lib/server/learning/certificates';
import type { PageServerLoad } from './$types';

/** Public: anyone with the code can check a certificate. Shows the name only if the holder chose so. */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const certificate = params.code.length <= 40 ? await certificateByCode(locals.db, params.code) : null;
	if (!certificate) return { code: params.code, certificate: null };
	return {
		code: certificate.code,
		certificate: {
			course: courseTitle(certificate.courseId, locals.locale),
			issuedAt: certificate.issuedAt,
			holderName: certificate.showName ? certificate.holderName : null
		}
	};
};
