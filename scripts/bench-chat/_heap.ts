import v8 from 'node:v8';
process.on('exit', () => {});
(globalThis as any).__heap = () => v8.writeHeapSnapshot('/tmp/exp/bot.heapsnapshot');
