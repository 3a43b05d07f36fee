import { classesTranslator } from '$lib/i18n/classes-layout';
import type { PageLoad } from './$types';

// A page to read: no JavaScript. It shows the report texts, which the classes area's parts hold.
export const csr = false;

export const load: PageLoad = async ({ data, params }) => ({ ...data, ...(await classesTranslator(params.lang)) });
