/** The studio's part of "my data": the images a person uploaded (see server/privacy). */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { listImages } from './images.ts';

export const studioPrivacy: PrivacyPart = {
	domain: 'studio',
	tables: { studioImages: 'delete' },
	// Each image's description and the address of its bytes, not the bytes themselves: the
	// download stays a readable JSON file of a few kilobytes instead of megabytes of base64,
	// and each image is one click away while the account exists (the stored file is our
	// re-encoding of the upload, which the person still has).
	async export(db, userId) {
		const images = await listImages(db, userId);
		return { studioImages: images.map((image) => ({ ...image, path: `/media/studio/${image.id}` })) };
	},
	async erase(tx, userId) {
		await tx.orm.delete(tx.t.studioImages).where(eq(tx.t.studioImages.userId, userId));
	}
};
