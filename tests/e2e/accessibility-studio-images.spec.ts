import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { saveImage } from '../../src/lib/server/studio/images.ts';
import { tinyImage } from '../helpers/image-factories.ts';

/** The studio's pages that this branch adds: the images page, empty and with images. */
const PAGES: MatrixPage[] = [
	{ path: '/studio/images', who: 'instructor', name: '/studio/images (no images yet)' },
	{
		name: '/studio/images (with images)',
		who: 'instructor',
		path: async (db, visitor) => {
			await saveImage(db, visitor!.id, await tinyImage(), 'Die Taste Enter auf einer Tastatur');
			await saveImage(db, visitor!.id, await tinyImage(), 'مفتاح الإدخال [Enter]');
			return '/studio/images?done=uploaded';
		}
	}
];

definePageMatrix(PAGES);
