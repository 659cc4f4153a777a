// The public face of src/texts/: what the other folders use of it. Each file of the folder says what it holds.
export { OPERATOR_TEXTS_FILE, OperatorTextsError, operatorTexts, readOperatorTexts, SECTIONS } from './operator-texts.js';
export type { Section } from './operator-texts.js';
export { both, sayBoth } from './bilingual.js';
export type { Bilingual } from './bilingual.js';
