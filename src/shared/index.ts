// The public face of src/shared/: what the other folders use of it. Each file of the folder says what it holds.
export { withTimeout } from './timeout.js';
export { readYamlFile } from './yaml-file.js';
export { escapeRegExp } from './regexp.js';
