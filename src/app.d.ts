import type { DisplaySettings } from '$lib/display-settings';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db';
import type { Session, SessionUser } from '$lib/server/auth/session';
import type { ProgressStore } from '$lib/server/learning/progress-store';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			db: Db;
			locale: Locale;
			user: SessionUser | null;
			session: Session | null;
			display: DisplaySettings;
			/** This person's learning progress: their account's, or a guest's cookie (hooks.server.ts). */
			progress: ProgressStore;
			/** Set-Cookie headers of the cookies this request set (server/http/set-cookie-log.ts). */
			setCookies: string[];
		}
	}
}

export {};
