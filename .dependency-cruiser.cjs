// The import rules of src/, checked in CI (`npm run lint:imports`). Each folder may import only the
// folders below it, so no two folders import each other; the conversation and the campaign stay free of
// WeChat, the database and the file system, and only store/ talks to Prisma. Another folder is used
// through its index.ts, the folder's public face.
//
// From the bottom: shared (small helpers), campaign, log, files (the campaign folder on disk), texts (the
// operator's sentences, texts/operator.yaml) → conversation → report → roster, export, schedule → admin →
// bot, store → app → cli → main.ts.
const below = {
  shared: [],
  campaign: ['shared'],
  log: [],
  files: ['shared', 'campaign'],
  // the operator's sentences: read from disk, so not in campaign/, and low enough for bot/ and cli/ to reach
  texts: ['shared', 'campaign'],
  conversation: ['shared', 'campaign'],
  report: ['shared', 'campaign', 'conversation'],
  roster: ['shared', 'campaign', 'conversation', 'report'],
  export: ['shared', 'campaign', 'conversation', 'report'],
  schedule: ['shared', 'campaign', 'texts', 'conversation', 'report', 'log'],
  admin: ['shared', 'campaign', 'conversation', 'report', 'roster', 'export', 'schedule', 'log'],
  bot: ['shared', 'campaign', 'texts', 'conversation', 'report', 'schedule', 'admin', 'log'],
  store: ['shared', 'campaign', 'conversation', 'report', 'roster', 'export', 'schedule', 'admin', 'log'],
  app: ['shared', 'campaign', 'files', 'texts', 'conversation', 'report', 'roster', 'export', 'schedule', 'admin', 'bot', 'store', 'log'],
  cli: ['shared', 'campaign', 'files', 'texts', 'conversation', 'report', 'roster', 'export', 'schedule', 'admin', 'bot', 'store', 'log', 'app'],
};

const layerRules = Object.entries(below).map(([folder, allowed]) => ({
  name: `${folder}-imports-below`,
  comment: `src/${folder}/ may import ${allowed.length > 0 ? allowed.join(', ') : 'no other folder of src/'}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: [`^src/(${[folder, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'through-index',
      comment: "another folder is used through its index.ts, its public face; a folder's own files import each other directly",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/store/generated/'] },
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself back through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-core',
      comment: 'the campaign and the conversation run without WeChat, a database or the file system',
      severity: 'error',
      from: { path: '^src/(campaign|conversation)/' },
      to: { path: ['wechaty', 'prisma', 'better-sqlite3', '^(node:)?fs(/promises)?$'] },
    },
    {
      name: 'prisma-in-store',
      comment: 'only src/store/ talks to the database',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: ['@prisma/', 'better-sqlite3', '^src/store/generated/'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/store/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
