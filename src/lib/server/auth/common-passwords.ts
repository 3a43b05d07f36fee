/**
 * Passwords seen most often in public breach lists (and their obvious German and local
 * variants). NIST SP 800-63B asks us to refuse these rather than impose composition rules.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
	'12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000',
	'22222222', '88888888', '99999999', '12341234', '11223344', '12121212', '123123123',
	'password', 'password1', 'password12', 'password123', 'passwort', 'passwort1', 'passwort123',
	'qwertyui', 'qwertyuiop', 'qwertz123', 'qwertzuiop', 'asdfghjk', 'asdfghjkl', 'yxcvbnm1',
	'1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', '1qaz2wsx', 'q1w2e3r4', 'abcd1234', 'abc12345',
	'iloveyou', 'iloveyou1', 'ichliebedich', 'sunshine', 'princess', 'football', 'fussball',
	'baseball', 'welcome1', 'willkommen', 'letmein1', 'trustno1', 'starwars', 'dragon12',
	'master12', 'superman', 'batman12', 'michael1', 'jennifer', 'computer', 'internet',
	'whatever', 'freedom1', 'shadow12', 'monkey12', 'charlie1', 'passw0rd', 'p@ssw0rd',
	'p@ssword', 'hallo123', 'hallo1234', 'hamburg1', 'hamburg123', 'hamburg2024', 'hamburg2025',
	'hamburg2026', 'berlin123', 'deutschland', 'schalke04', 'hsv12345', 'stpauli1', 'sommer2025',
	'sommer2026', 'winter2025', 'winter2026', 'geheim12', 'geheim123', 'schatz123', 'mausi123',
	'admin123', 'administrator', 'changeme', 'default1', 'test1234', 'testtest', 'lotse123',
	'lotse2026', 'aaaaaaaa', 'abcdefgh', 'abcdefg1', 'qazwsxedc', 'samsung1', 'google12',
	'facebook', 'instagram', 'whatsapp', 'pokemon1', 'liverpool', 'chelsea1', 'arsenal1',
	'galatasaray', 'fenerbahce', 'besiktas', 'istanbul', 'ankara06', 'parola123', 'sifre123',
	'123qweasd', '123qweasdzxc', 'йцукенгш', 'пароль123', 'qwerty123', 'qwerty12', 'qwerty1234',
	'zxcvbnm1', 'zxcvbnm123', 'mypassword', 'secret12', 'secret123', 'love1234', 'family12',
	'summer12', 'summer2025', 'summer2026', 'spring2026', 'autumn2026', 'matrix12', 'hello123',
	'hellohello', 'loveyou1', 'angel123', 'daniel12', 'thomas12', 'andreas1', 'stefan12'
]);
