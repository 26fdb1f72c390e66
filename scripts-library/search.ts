/**
 * Searching the 话术 library: by words in the title, text or tags, by the title's pinyin or initials
 * (断其后路 from `dqhl`), and fuzzily (fuse.js) over the short fields for typos. Pure.
 */
import Fuse from 'fuse.js';
import { pinyinKeys } from '../domain/search/quick-find';
import { toHalfWidth } from '../domain/text';
import { currentVersion, type ScriptEntry } from './schema';
import { stageLabel } from './stages';

interface Doc {
  id: string;
  title: string;
  text: string;
  tags: string;
  stage: string;
  pinyin: string;
  initials: string;
}

export interface ScriptHit {
  id: string;
  score: number;
}

/** Titles only: tags and stages are matched exactly, and fuzzy matching long texts is slow. */
const FUZZY = { keys: ['title'], threshold: 0.35, ignoreLocation: true, includeScore: true, minMatchCharLength: 2 };

export class ScriptSearch {
  private readonly docs: Doc[];
  /** Character → the docs whose title contains it: narrows the fuzzy pass to titles that share a character. */
  private readonly byChar = new Map<string, Set<number>>();

  constructor(entries: readonly ScriptEntry[]) {
    this.docs = entries.map((entry) => {
      const version = currentVersion(entry);
      const keys = pinyinKeys(version.title.replace(/[^\u4e00-\u9fff]/g, ''));
      return {
        id: entry.id,
        title: version.title,
        text: version.text,
        tags: version.tags.join(' '),
        stage: stageLabel(version.stage),
        pinyin: keys.full,
        initials: keys.initials,
      };
    });
    this.docs.forEach((doc, index) => {
      for (const char of new Set(doc.title.toLowerCase())) {
        let docs = this.byChar.get(char);
        if (!docs) this.byChar.set(char, (docs = new Set()));
        docs.add(index);
      }
    });
  }

  /** fuse.js over the titles that share a character with the query (typos keep most characters). */
  private fuzzy(query: string): { id: string; score: number }[] {
    const candidates = new Set<number>();
    for (const char of new Set(query)) for (const index of this.byChar.get(char) ?? []) candidates.add(index);
    if (candidates.size === 0) return [];
    const fuse = new Fuse([...candidates].map((index) => this.docs[index]!), FUZZY);
    return fuse.search(query, { limit: 10 }).map((hit) => ({ id: hit.item.id, score: hit.score ?? 1 }));
  }

  search(rawQuery: string, limit = 50): ScriptHit[] {
    const query = toHalfWidth(rawQuery).trim().toLowerCase();
    if (!query) return [];
    const best = new Map<string, number>();
    const offer = (id: string, score: number) => {
      if ((best.get(id) ?? -1) < score) best.set(id, score);
    };
    const letters = /^[a-z]+$/.test(query);
    for (const doc of this.docs) {
      if (doc.title.toLowerCase().includes(query)) offer(doc.id, doc.title.toLowerCase().startsWith(query) ? 100 : 90);
      else if (doc.tags.toLowerCase().includes(query) || doc.stage.includes(query)) offer(doc.id, 70);
      else if (doc.text.toLowerCase().includes(query)) offer(doc.id, 60);
      if (letters) {
        if (doc.initials.startsWith(query)) offer(doc.id, 95);
        else if (query.length >= 2 && doc.initials.includes(query)) offer(doc.id, 80);
        if (query.length >= 2 && doc.pinyin.startsWith(query)) offer(doc.id, 85);
        else if (query.length >= 3 && doc.pinyin.includes(query)) offer(doc.id, 65);
      }
    }
    // Typos and near misses, only when the exact ways found little.
    if (best.size < 5 && query.length >= 2) for (const hit of this.fuzzy(query)) offer(hit.id, 40 * (1 - hit.score));
    return [...best.entries()]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
