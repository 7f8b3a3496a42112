/**
 * BFD sends diagnosis and procedure texts in upper case ("OTHER SALMONELLA INFECTIONS"); people read sentence
 * case more easily. Words with digits ("3A", "01") and well-known abbreviations stay in capitals.
 */

/** Abbreviations kept in capitals when a text is put in sentence case. */
const ABBREVIATIONS = new Set([
  'AIDS',
  'ADHD',
  'COPD',
  'COVID',
  'CT',
  'DNA',
  'ECG',
  'EKG',
  'HIV',
  'HFA',
  'ICU',
  'IV',
  'MRI',
  'NEC',
  'NOS',
  'PET',
  'PTSD',
  'RNA',
  'RN',
  'SARS',
  'UTI',
  'II',
  'III',
  'IV',
  'VI',
  'VII',
  'VIII',
  'IX',
  'XI',
  'XII',
]);

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

function isUpperCase(text: string): boolean {
  return hasLetters(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * An upper-case text in sentence case ("Other salmonella infections"); a text with any lower-case letter is
 * returned unchanged, as it was written for reading already.
 */
export function readableText(text: string): string {
  if (!isUpperCase(text)) return text;
  const words = text.toLowerCase().replace(/[\p{L}\p{N}]+/gu, (word) => {
    const upper = word.toUpperCase();
    return ABBREVIATIONS.has(upper) || (/\d/.test(word) && /\p{L}/u.test(word)) ? upper : word;
  });
  return words.replace(/\p{L}/u, (first) => first.toUpperCase());
}
