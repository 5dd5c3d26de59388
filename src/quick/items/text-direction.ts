// The natural direction of a string (QString::isRightToLeft): the first
// strongly directional character decides. Text and TextInput align right-
// to-left text to the right unless an alignment was set.

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic
// supplements and presentation forms: bidi classes R and AL (and AN digits).
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/u;
const STRONG = /[\p{L}\u0590-\u08ff]/u;

export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL.test(ch)) return true;
    if (STRONG.test(ch)) return false;
  }
  return false;
}
