// The public face of src/cli/: what the other folders use of it. Each file of the folder says what it holds.
export { setUpFindings } from './doctor.js';
