// Language hints for names in other scripts, so browsers pick the right CJK font and screen readers the right voice.

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** A BCP 47 tag for a name written mostly in a non-Latin script; undefined for Latin names. */
export function nameLang(name: string): string | undefined {
  if (KANA.test(name)) return 'ja';
  if (HANGUL.test(name)) return 'ko';
  if (HAN.test(name)) return 'zh';
  if (CYRILLIC.test(name)) return 'ru';
  if (ARABIC.test(name)) return 'ar';
  return undefined;
}
