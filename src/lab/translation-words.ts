// Readable names for the toy translation's ids (tasks.ts, translationLanguage): English-like words for the source
// and invented words for the target, a toy language labelled as such. Only the source words and the target
// language's own words are written here, once each; which target word translates which source word is the task's
// fixed table, never typed. Plain data (no TF.js): the page's "translate it yourself" island and its worker share it.
import { translationLanguage, translationTask, type TranslationLanguage } from './tasks';

export type WordClass = 'adjective' | 'noun' | 'verb';

/** Source words by class, in id order within the class. */
const SOURCE: Record<WordClass, readonly string[]> = {
  noun: ['cat', 'dog', 'bird', 'fox', 'horse', 'mouse'],
  adjective: ['red', 'big', 'old'],
  verb: ['sees', 'likes', 'follows', 'hears'],
};

/** The toy target language's words by class, in target-id order within the class (invented: no real language). */
const TARGET: Record<WordClass, readonly string[]> = {
  noun: ['miro', 'tesk', 'palu', 'dovan', 'keshi', 'roba'],
  adjective: ['lun', 'vask', 'ori'],
  verb: ['talen', 'muso', 'kiret', 'febo'],
};

export const language: TranslationLanguage = translationLanguage();
const task = translationTask();

function idsOf(c: WordClass): number[] {
  return c === 'noun' ? language.nouns : c === 'adjective' ? language.adjectives : language.verbs;
}

const names = new Map<number, string>();
for (const c of ['noun', 'adjective', 'verb'] as const) {
  const ids = idsOf(c);
  if (ids.length !== SOURCE[c].length || ids.length !== TARGET[c].length)
    throw new Error(`the toy translation has ${ids.length} ${c}s; translation-words.ts names ${SOURCE[c].length} and ${TARGET[c].length}`);
  // Target ids are the source ids of the same class shifted by n (tasks.ts): a class's target words are its range.
  ids.forEach((id, i) => {
    names.set(id, SOURCE[c][i]!);
    names.set(language.n + id, TARGET[c][i]!);
  });
}
names.set(task.sep, '⟨sep⟩');
names.set(task.bos, '⟨start⟩');

/** The readable name of any id of the task's vocabulary. */
export function wordName(id: number): string {
  return names.get(id) ?? `#${id}`;
}

/** Whether an id is a word of the target language (not a source word, not a special token). */
export const isTargetWord = (id: number): boolean => id >= language.n && id < 2 * language.n;

/** The five slots of a source sentence, "adjective noun verb adjective noun", each with its class's words. */
export const SOURCE_SLOTS: readonly { wordClass: WordClass; words: { id: number; name: string }[] }[] = language.sourceClasses.map((c) => ({
  wordClass: c,
  words: idsOf(c).map((id) => ({ id, name: wordName(id) })),
}));

/** The correct translation (target ids) of a source sentence: the task's table, in the target's word order. */
export const correctTranslation = (source: readonly number[]): number[] => language.translate(source);

/** A source sentence of random words, one of each slot's class. */
export function randomSentence(random: () => number = Math.random): number[] {
  return SOURCE_SLOTS.map((s) => s.words[Math.floor(random() * s.words.length)]!.id);
}

/** Whether ids form a source sentence of the task: five words, each of its slot's class. */
export function isSourceSentence(ids: readonly number[]): boolean {
  return ids.length === SOURCE_SLOTS.length && ids.every((id, i) => SOURCE_SLOTS[i]!.words.some((w) => w.id === id));
}

/** The sentence shown first: each class's words in turn ("red cat sees big dog"; any sentence of the language would do). */
export function initialSentence(): number[] {
  const seen: Partial<Record<WordClass, number>> = {};
  return SOURCE_SLOTS.map((s) => s.words[(seen[s.wordClass] = (seen[s.wordClass] ?? -1) + 1) % s.words.length]!.id);
}

/** The dictionary by class: [source word, its target word] pairs, from the task's table. */
export function dictionary(): { wordClass: WordClass; pairs: [string, string][] }[] {
  return (['adjective', 'noun', 'verb'] as const).map((c) => ({
    wordClass: c,
    pairs: idsOf(c).map((id) => [wordName(id), wordName(language.table[id]!)] as [string, string]),
  }));
}
