/**
 * BFD sends diagnosis and procedure texts in upper case ("OTHER SALMONELLA INFECTIONS"); people read sentence
 * case more easily. Words with digits ("3A"), lone letters that name something ("vitamin D", "hepatitis A") and
 * well-known abbreviations stay in capitals.
 */

/** Abbreviations kept in capitals when a text is put in sentence case. */
const ABBREVIATIONS = new Set([
  ...'AIDS ADHD COPD COVID CT DNA ECG EKG HIV HFA ICU IV MRI NEC NOS PET PTSD RNA RN SARS UTI'.split(' '),
  ...'II III VI VII VIII IX XI XII'.split(' '),
]);

/** Words after which a lone "A" is a name ("hepatitis A", "vitamin A"), not the article. */
const BEFORE_LETTER_A = /(?:hepatitis|vitamin|influenza|type|group|fever|protein|class)\s+$/;

function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Whether `word` (lower case, at `offset` in the lower-cased `text`) is written in capitals. */
function keepsCapitals(word: string, offset: number, text: string): boolean {
  const upper = word.toUpperCase();
  if (ABBREVIATIONS.has(upper) || (/\d/.test(word) && /\p{L}/u.test(word))) return true;
  if (word.length !== 1 || !/\p{L}/u.test(word) || text[offset - 1] === "'") return false;
  return word !== 'a' || BEFORE_LETTER_A.test(text.slice(0, offset));
}

/**
 * An upper-case text in sentence case ("Other salmonella infections"); a text with any lower-case letter is
 * returned unchanged, as it was written for reading already.
 */
export function readableText(text: string): string {
  if (!isUpperCase(text)) return text;
  const lower = text.toLowerCase();
  const words = lower.replace(/[\p{L}\p{N}]+/gu, (word, offset: number) =>
    keepsCapitals(word, offset, lower) ? word.toUpperCase() : word,
  );
  return words.replace(/\p{L}/u, (first) => first.toUpperCase());
}
