/**
 * Usernames for accounts an instructor creates: readable ASCII made from the person's name
 * ("Ayşe Yılmaz" → "ayse.yilmaz"), so a learner can copy it from a card on any keyboard.
 * Latin letters lose their accents, Cyrillic is transliterated; names in other scripts
 * (Arabic, Persian …) get a short readable pattern ("learner.k7m2") instead of a
 * transliteration nobody would recognise.
 */
import { randomCode, UNAMBIGUOUS_ALPHABET } from '../security/random-code.ts';

/** Room for a number after the base within the 32 characters a username may have. */
const BASE_MAX_LENGTH = 26;
const FALLBACK_PREFIX = 'learner';

// Letters that do not decompose into an ASCII letter and a mark.
const LATIN: Record<string, string> = {
	ı: 'i',
	ß: 'ss',
	ł: 'l',
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ə: 'e',
	ħ: 'h'
};

// Russian, Ukrainian and Belarusian letters, as their passports spell them in Latin letters.
const CYRILLIC: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ґ: 'g',
	д: 'd',
	е: 'e',
	ё: 'e',
	є: 'ye',
	ж: 'zh',
	з: 'z',
	и: 'i',
	і: 'i',
	ї: 'yi',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ў: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
};

/** The name in ASCII letters, digits and dots between words; '' when nothing is left. */
export function transliterate(name: string): string {
	const letters = [...name.toLowerCase()].map((char) => LATIN[char] ?? CYRILLIC[char] ?? char).join('');
	return letters
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.+|\.+$/g, '');
}

/**
 * The username a name suggests before any number is added: its transliteration (cut at a
 * word boundary when long), or the fallback pattern when fewer than three letters survive.
 */
export function usernameBase(name: string): string {
	let base = transliterate(name);
	if (base.length > BASE_MAX_LENGTH) {
		const cut = base.slice(0, BASE_MAX_LENGTH);
		const lastDot = cut.lastIndexOf('.');
		base = lastDot >= 3 ? cut.slice(0, lastDot) : cut;
	}
	if ((base.match(/[a-z]/g) ?? []).length < 3) return fallbackUsername();
	return base;
}

/** "learner.k7m2": readable, and unlikely to be taken (31^4 ≈ 920,000 of them). */
export function fallbackUsername(): string {
	return `${FALLBACK_PREFIX}.${randomCode(4, UNAMBIGUOUS_ALPHABET.toLowerCase())}`;
}

/**
 * The first of `base`, `base2`, `base3` … that `isFree` accepts. `taken` are names known to
 * be in use (one query for all of them); `isFree` checks what that query cannot (retired names).
 */
export async function firstFreeUsername(
	base: string,
	taken: ReadonlySet<string>,
	isFree: (candidate: string) => Promise<boolean>
): Promise<string> {
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? base : `${base}${n}`;
		if (!taken.has(candidate) && (await isFree(candidate))) return candidate;
	}
}
