/**
 * Studio images in the database, on every engine: the stored WebP comes back byte for byte,
 * each person lists and deletes only their own, the alt text is required by the schema too,
 * and "my data" and account deletion cover them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson, exportPersonalData } from '../../src/lib/server/privacy/index.ts';
import {
	deleteImage,
	findImage,
	hasRoomForImage,
	imageData,
	imageMarkdown,
	listImages,
	MAX_IMAGES_PER_PERSON,
	prepareImage,
	saveImage
} from '../../src/lib/server/studio/images.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { pictureBytes, tinyImage } from '../helpers/image-factories.ts';

describe.each(engines)('studio images on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('stores the re-encoded WebP and gives back exactly its bytes', async () => {
		const instructor = await makeUser(test.db, { role: 'instructor' });
		const prepared = await prepareImage(await pictureBytes('jpeg', 40, 30));
		if (!prepared.ok) throw new Error(prepared.error);
		const saved = await saveImage(test.db, instructor.id, prepared.image, 'Die Taste Enter');
		expect(saved).toMatchObject({ alt: 'Die Taste Enter', width: 40, height: 30 });
		expect(saved.id).toMatch(/^[a-z2-7]{24}$/);
		const data = await imageData(test.db, saved.id);
		expect(data && Buffer.compare(data, prepared.image.data)).toBe(0);
		expect(await imageData(test.db, 'a'.repeat(24))).toBeNull();
	});

	it('lists a person’s own images, newest first, and lets only the owner delete one', async () => {
		const [owner, other] = [await makeUser(test.db, { role: 'instructor' }), await makeUser(test.db)];
		const first = await saveImage(test.db, owner.id, await tinyImage(), 'Erstes', new Date('2026-01-01'));
		const second = await saveImage(test.db, owner.id, await tinyImage(), 'Zweites', new Date('2026-02-01'));
		await saveImage(test.db, other.id, await tinyImage(), 'Fremdes');
		expect((await listImages(test.db, owner.id)).map((image) => image.alt)).toEqual(['Zweites', 'Erstes']);
		expect(await findImage(test.db, first.id)).toMatchObject({ userId: owner.id, alt: 'Erstes' });

		expect(await deleteImage(test.db, other.id, first.id)).toBe(false);
		expect(await findImage(test.db, first.id)).not.toBeNull();
		expect(await deleteImage(test.db, owner.id, first.id)).toBe(true);
		expect(await findImage(test.db, first.id)).toBeNull();
		expect((await listImages(test.db, owner.id)).map((image) => image.id)).toEqual([second.id]);
	});

	it('keeps at most MAX_IMAGES_PER_PERSON images per person, counting only their own', async () => {
		const [owner, other] = [await makeUser(test.db, { role: 'instructor' }), await makeUser(test.db)];
		const image = await tinyImage();
		const rows = Array.from({ length: MAX_IMAGES_PER_PERSON - 1 }, (_, i) => ({
			id: `image-${i}`,
			userId: owner.id,
			alt: 'Bild',
			width: image.width,
			height: image.height,
			byteSize: image.data.length,
			data: image.data,
			createdAt: new Date()
		}));
		for (let i = 0; i < rows.length; i += 100)
			await test.db.orm.insert(test.db.t.studioImages).values(rows.slice(i, i + 100));
		expect(await hasRoomForImage(test.db, owner.id)).toBe(true);
		await saveImage(test.db, owner.id, image, 'Das letzte');
		expect(await hasRoomForImage(test.db, owner.id)).toBe(false);
		expect(await hasRoomForImage(test.db, other.id)).toBe(true);
	});

	it('refuses an image without alt text in the schema itself', async () => {
		const owner = await makeUser(test.db, { role: 'instructor' });
		await expect(saveImage(test.db, owner.id, await tinyImage(), '')).rejects.toThrow();
		expect(await listImages(test.db, owner.id)).toEqual([]);
	});

	it('puts each image’s description into “my data” and deletes the images with the account', async () => {
		const [owner, other] = [await makeUser(test.db, { role: 'instructor' }), await makeUser(test.db)];
		const saved = await saveImage(test.db, owner.id, await tinyImage(), 'Ein blaues Quadrat');
		const kept = await saveImage(test.db, other.id, await tinyImage(), 'Bleibt');
		const data = await exportPersonalData(test.db, owner.id);
		expect(data?.studioImages).toEqual([
			expect.objectContaining({ id: saved.id, alt: 'Ein blaues Quadrat', path: `/media/studio/${saved.id}` })
		]);
		await erasePerson(test.db, owner.id);
		expect(await imageData(test.db, saved.id)).toBeNull();
		expect(await imageData(test.db, kept.id)).not.toBeNull();
	});

	it('writes the Markdown of a figure with the alt text’s brackets escaped', () => {
		expect(imageMarkdown('abc', 'Menü [Datei] öffnen')).toBe('![Menü \\[Datei\\] öffnen](image:abc)');
	});
});
