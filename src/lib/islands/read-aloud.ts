/**
 * Read aloud: reads the lesson text with the browser's own speech synthesis (nothing leaves
 * the device through us). The controls come from the server (ReadAloud.svelte), hidden; they
 * are shown only when the browser has a voice for the lesson's language.
 */
import { collectSpeechChunks, pickVoice } from './read-aloud-text';

type PlayState = 'idle' | 'playing' | 'paused';
type Texts = Record<
	'start' | 'pause' | 'resume' | 'playing' | 'paused' | 'resumed' | 'stopped' | 'finished' | 'error',
	string
>;

export function setUpReadAloud(document: Document): void {
	if (!('speechSynthesis' in window)) return;
	for (const controls of document.querySelectorAll<HTMLElement>('[data-read-aloud-lang]')) startReadAloud(controls);
}

function startReadAloud(controls: HTMLElement): void {
	const synth = window.speechSynthesis;
	const lang = controls.dataset.readAloudLang ?? '';
	const texts = JSON.parse(controls.dataset.texts ?? '{}') as Texts;
	const mainButton = controls.querySelector<HTMLButtonElement>('[data-action="toggle"]')!;
	const mainLabel = mainButton.querySelector<HTMLElement>('[data-label]')!;
	const stopButton = controls.querySelector<HTMLButtonElement>('[data-action="stop"]')!;
	const rate = controls.querySelector<HTMLSelectElement>('select')!;
	const status = controls.querySelector<HTMLElement>('[role="status"]')!;

	let voice: SpeechSynthesisVoice | null = null;
	let playState: PlayState = 'idle';
	/** Bumped on every start and stop: callbacks of an older run do nothing. */
	let run = 0;
	/** Chrome may garbage-collect an utterance before it ends unless something holds it. */
	const held: { utterance: SpeechSynthesisUtterance | null } = { utterance: null };

	function show(state: PlayState, message: string): void {
		playState = state;
		controls.dataset.state = state;
		mainLabel.textContent = texts[state === 'idle' ? 'start' : state === 'playing' ? 'pause' : 'resume'];
		stopButton.hidden = state === 'idle';
		status.textContent = message;
	}

	function speak(chunks: string[], index: number, token: number): void {
		if (token !== run) return;
		const text = chunks[index];
		if (text === undefined) return settle('finished');
		const utterance = new SpeechSynthesisUtterance(text);
		utterance.lang = voice ? voice.lang.replace('_', '-') : lang;
		if (voice) utterance.voice = voice;
		utterance.rate = Number(rate.value);
		utterance.onend = () => speak(chunks, index + 1, token);
		utterance.onerror = (event) => {
			// Our own cancel() reports "interrupted"/"canceled"; that is not a failure.
			if (token !== run || event.error === 'interrupted' || event.error === 'canceled') return;
			settle('error');
		};
		held.utterance = utterance;
		synth.speak(utterance);
	}

	function start(): void {
		const root = document.querySelector(controls.dataset.readAloudTarget ?? '');
		const chunks = root ? collectSpeechChunks(root, lang) : [];
		if (chunks.length === 0) return;
		const token = ++run;
		synth.cancel();
		show('playing', texts.playing);
		speak(chunks, 0, token);
	}

	function stop(message: string): void {
		run++;
		held.utterance = null;
		if (playState !== 'idle') {
			synth.cancel();
			// Chrome stays paused after cancel(); later speech would never start.
			synth.resume();
		}
		show('idle', message);
	}

	/** Ends a run; the stop button disappears, so focus moves to the main button. */
	function settle(outcome: 'stopped' | 'finished' | 'error'): void {
		const focusWasOnStop = document.activeElement === stopButton;
		if (outcome === 'stopped') stop(texts.stopped);
		else {
			run++;
			held.utterance = null;
			show('idle', texts[outcome]);
		}
		if (focusWasOnStop) mainButton.focus();
	}

	mainButton.addEventListener('click', () => {
		if (playState === 'idle') start();
		else if (playState === 'playing') {
			synth.pause();
			show('paused', texts.paused);
		} else {
			synth.resume();
			show('playing', texts.resumed);
		}
	});
	stopButton.addEventListener('click', () => settle('stopped'));
	window.addEventListener('pagehide', () => stop(''));

	// Voices load asynchronously (Chrome) and may change.
	const findVoice = (): void => {
		voice = pickVoice(synth.getVoices(), lang);
		controls.hidden = voice === null;
		if (!voice) stop('');
	};
	findVoice();
	synth.addEventListener('voiceschanged', findVoice);
}
