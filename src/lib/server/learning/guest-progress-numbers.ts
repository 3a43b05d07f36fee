/**
 * The numbers the guest progress cookie (guest-progress-format.ts) stores instead of lesson
 * keys and quiz ids: a lesson's number is its position in this list, a quiz's number is its
 * position in its lesson's list.
 *
 * APPEND ONLY. Cookies in people's browsers hold these numbers for years: never reorder,
 * remove or reuse an entry (a lesson or quiz taken out of the curriculum keeps its place),
 * only add new lessons at the end and new quizzes at the end of their lesson's list.
 * tests/unit/guest-progress-format.test.ts fails while a lesson or quiz of the catalogue
 * has no number here. A lesson without a number is still kept, under its key (more bytes).
 */
export const GUEST_PROGRESS_NUMBERS: readonly { readonly lesson: string; readonly quizzes: readonly string[] }[] = [
	{ lesson: 'first-steps/the-device', quizzes: ['what-is-smartphone', 'charging-signs', 'switch-off-order'] },
	{ lesson: 'first-steps/touch-and-mouse', quizzes: ['open-with-tap', 'right-click', 'scroll-ways'] },
	{ lesson: 'first-steps/keyboard', quizzes: ['enter-key', 'shift-key', 'at-sign-phone'] },
	{ lesson: 'first-steps/the-browser', quizzes: ['address-bar', 'open-address-order', 'browser-buttons'] },
	{ lesson: 'first-steps/searching', quizzes: ['spot-ads', 'good-search-words', 'imprint'] },
	{ lesson: 'first-steps/safe-from-the-start', quizzes: ['suspicious-message', 'when-unsure', 'update'] },
	{
		lesson: 'safe-online/strong-passwords',
		quizzes: ['strongest-password', 'weak-password-signs', 'one-password-per-account']
	},
	{ lesson: 'safe-online/password-managers', quizzes: ['manager-tasks', 'master-password', 'enable-two-factor'] },
	{
		lesson: 'safe-online/recognising-phishing',
		quizzes: ['phishing-signs', 'real-address', 'suspicious-message-steps']
	},
	{ lesson: 'safe-online/privacy-settings', quizzes: ['flashlight-permissions', 'profile-reveals', 'cookie-choice'] },
	{ lesson: 'safe-online/online-id', quizzes: ['when-to-enter-pin', 'pin-length', 'online-id-steps'] },
	{
		lesson: 'safe-online/city-online-services',
		quizzes: ['address-change-steps', 'documents-to-prepare', 'error-message']
	},
	{ lesson: 'safe-online/getting-help', quizzes: ['where-to-get-help', 'helper-asks-pin', 'note-error-message'] },
	{ lesson: 'communicate-create/email', quizzes: ['subject-line', 'reply-or-reply-all', 'send-with-attachment'] },
	{ lesson: 'communicate-create/video-calls', quizzes: ['join-order', 'mute-when-quiet', 'good-manners'] },
	{ lesson: 'communicate-create/documents-and-files', quizzes: ['good-file-name', 'pdf-ending', 'find-file-again'] },
	{
		lesson: 'communicate-create/sharing-and-copyright',
		quizzes: ['link-permission', 'photos-of-others', 'creative-commons']
	},
	{ lesson: 'communicate-create/ai-assistants', quizzes: ['never-paste', 'prompt-word', 'draft-letter-order'] },
	{
		lesson: 'communicate-create/checking-ai-answers',
		quizzes: ['confident-but-wrong', 'trusted-sources', 'check-order']
	},
	{ lesson: 'first-programs/what-is-a-program', quizzes: ['what-is-a-program', 'tea-steps', 'programs-around-us'] },
	{ lesson: 'first-programs/first-web-page', quizzes: ['link-tag', 'href-attribute', 'page-steps'] },
	{ lesson: 'first-programs/values-and-variables', quizzes: ['let-or-const', 'which-are-strings', 'console-log'] },
	{ lesson: 'first-programs/decisions', quizzes: ['which-branch', 'true-comparisons', 'equals-sign'] },
	{ lesson: 'first-programs/loops', quizzes: ['loop-parts', 'how-many-rounds', 'plus-plus'] },
	{ lesson: 'first-programs/functions', quizzes: ['return-does', 'function-facts', 'function-steps'] }
];
