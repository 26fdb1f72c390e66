/** Script library search at 2,000 entries: p95 beside fuse.js with its default options. */
import Fuse from 'fuse.js';
import { defaultEntries } from '../../scripts-library/default-library';
import { currentVersion, type ScriptEntry } from '../../scripts-library/schema';
import { ScriptSearch } from '../../scripts-library/search';
import { fmt, percentile, report, time } from './stats';

const SIZE = 2000;
const EXTRA = ['（晚间版）', '（周末版）', '（老年业主）', '（租户）', '（二次跟进）', '（节前）', '（商铺夜市）', '（新交房）'];

/** 2,000 plausible entries: the defaults, re-titled and re-worded. */
function library(): ScriptEntry[] {
  const base = defaultEntries('2026-11-26T09:00:00+08:00');
  return Array.from({ length: SIZE }, (_, i) => {
    const source = base[i % base.length]!;
    const version = currentVersion(source);
    const suffix = `${EXTRA[i % EXTRA.length]}${Math.floor(i / base.length)}`;
    return { ...source, id: `bench-${i}`, versions: [{ ...version, title: `${version.title}${suffix}`.slice(0, 40), text: `${version.text}${suffix}` }] };
  });
}

export async function scriptsBench(): Promise<void> {
  console.log(`\n── Script library at ${SIZE.toLocaleString()} entries ──`);
  const entries = library();
  const built = await time(() => new ScriptSearch(entries));
  report('library search index build', fmt(built.ms));
  const search = built.value;
  const queries = ['分期', '漏水', 'dqhl', 'whkc', 'kongzhi', '转账', '失约', '邻居', '分其方案', '收款账户', 'sms', '开发商', '回访', 'zdsj', '困难', '商铺'];
  const ours: number[] = [];
  for (let round = 0; round < 25; round += 1) for (const q of queries) ours.push((await time(() => search.search(q))).ms);
  const fuse = new Fuse(
    entries.map((entry) => ({ id: entry.id, title: currentVersion(entry).title, text: currentVersion(entry).text, tags: currentVersion(entry).tags.join(' ') })),
    { keys: ['title', 'text', 'tags'] },
  );
  const theirs: number[] = [];
  for (let round = 0; round < 5; round += 1) for (const q of queries) theirs.push((await time(() => fuse.search(q))).ms);
  const oursP95 = percentile(ours, 95);
  const fuseP95 = percentile(theirs, 95);
  report(`library search p95 (${ours.length} queries)`, `${fmt(oursP95)} (p50 ${fmt(percentile(ours, 50))})`, '≤ 5 ms', oursP95 <= 5);
  report('fuse.js defaults p95 (same library)', fmt(fuseP95));
  report('library search vs fuse.js defaults (p95)', `${(fuseP95 / oursP95).toFixed(1)}× faster`);
}
