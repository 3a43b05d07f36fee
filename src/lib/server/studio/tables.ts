/** The tables of the lesson studio. Each is defined once for both engines (see ../db/README.md). */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, table } from '../db/table-builder.ts';

/**
 * Images an instructor uploaded for figures, already re-encoded as WebP (images.ts): the
 * bytes live in the database, so a backup of the database holds them too. `alt` is the
 * default alternative text of a figure that shows the image.
 */
export const studioImages = table(
	'studio_images',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		alt: column.text('alt').notNull(),
		width: column.integer('width').notNull(),
		height: column.integer('height').notNull(),
		byteSize: column.integer('byte_size').notNull(),
		data: column.bytes('data').notNull(),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.index('studio_images_user_id_index', t.userId),
		x.check('studio_images_alt_check', sql`length(${t.alt}) > 0`),
		x.check('studio_images_size_check', sql`${t.width} > 0 and ${t.height} > 0 and ${t.byteSize} > 0`)
	]
);
