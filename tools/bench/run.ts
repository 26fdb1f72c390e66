// `npm run bench`: prints every speed figure beside its target. Not part of `npm test`.
//   BENCH_ONLY=ledger|scripts|call|queue|lint to run one part.
import { callBench } from './call-bench';
import { ledgerBench } from './ledger-bench';
import { lintBench } from './lint-bench';
import { queueBench } from './queue-bench';
import { scriptsBench } from './scripts-bench';

console.log(`Call Coach benchmarks — node ${process.version}, ${new Date().toISOString()}`);
const only = process.env.BENCH_ONLY;
if (!only || only === 'call') await callBench();
if (!only || only === 'scripts') await scriptsBench();
if (!only || only === 'lint') await lintBench();
if (!only || only === 'ledger') await ledgerBench();
if (!only || only === 'queue') await queueBench();
