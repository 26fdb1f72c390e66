// `npm run bench`: prints every speed figure beside its target. Not part of `npm test`.
import { ledgerBench } from './ledger-bench';

console.log(`Call Coach benchmarks — node ${process.version}, ${new Date().toISOString()}`);
await ledgerBench();
