// The public face of src/bot/: what the other folders use of it. Each file of the folder says what it holds.
export { Accounts } from './accounts.js';
export type { Account } from './accounts.js';
export { connectionText, readConnectionText } from './connection-text.js';
export { puppetJustStopped, watchConnection } from './connection.js';
export type { Connection, Timers } from './connection.js';
export { attachGroupHandler } from './group-handler.js';
export { showLoginQr } from './login-qr.js';
export { adminNotifier, attachPrivateHandler } from './private-handler.js';
