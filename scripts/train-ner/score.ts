// Scores the tagger on this project's held-out split of every corpus (scripts/train-ner/corpora.ts),
// or on any file in CLUENER's layout: exact span + type, per type and micro.
//   npx tsx scripts/train-ner/score.ts                              # every corpus's held-out split
//   npx tsx scripts/train-ner/score.ts --file some.jsonl --convention news|cluener
//   … --errors                                                     # print missed and wrong spans
//   … --sweep                                                      # precision / recall of the pipeline's spans by score threshold
// Rows: `jingdu entities` (the whole pipeline: rules, model, merging, the news convention),
// `--confident` (only what the reader marks by default) and the model alone in the corpus's own
// convention.

import { CORPUS } from '../../test/helpers/corpus';
import { CORPORA, goldKeys, loadCorpus, type Convention } from './corpora';
import { Scorer, loadJsonl, type Sentence } from './lib';
import { taggers } from './taggers';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const errors = args.includes('--errors');
const TYPES = ['person', 'organization', 'place'];

type Tag = (text: string) => Set<string>;

function score(set: Sentence[], tag: Tag, label: string): Scorer {
  const sc = new Scorer();
  for (const s of set) {
    const gold = goldKeys(s);
    const pred = tag(s.text);
    sc.add(gold, pred);
    if (errors) {
      const show = (k: string) => {
        const [a, b, t] = k.split(',');
        return `${s.text.slice(+a, +b)}/${t}`;
      };
      const fn = [...gold].filter((k) => !pred.has(k)).map(show);
      const fp = [...pred].filter((k) => !gold.has(k)).map(show);
      if (fn.length || fp.length) console.log(`[${label}] ${s.text}\n   missed: ${fn.join(' ')}\n   wrong:  ${fp.join(' ')}`);
    }
  }
  return sc;
}

const row = (name: string, sc: Scorer) =>
  `| ${name} | ${TYPES.map((t) => sc.f1(t).f.toFixed(3)).join(' | ')} | ${[sc.f1().p, sc.f1().r, sc.f1().f].map((x) => x.toFixed(3)).join(' / ')} |`;

const sets: Array<{ name: string; convention: Convention; sentences: Sentence[] }> = [];
const file = arg('file');
if (file) sets.push({ name: file, convention: (arg('convention') ?? 'news') as Convention, sentences: loadJsonl(file.startsWith('/') ? file : `${process.cwd()}/${file}`) });
else for (const c of CORPORA) sets.push({ name: `${c.name} held-out`, convention: c.convention, sentences: loadCorpus(c).filter((s) => s.heldOut) });

const t = taggers();
console.log(`corpus at ${CORPUS}\n\n| set / tagger | person | organization | place | micro P / R / F1 |\n| --- | --- | --- | --- | --- |`);
for (const set of sets) {
  const n = set.sentences.reduce((a, s) => a + goldKeys(s).size, 0);
  console.log(`| **${set.name}** (${set.sentences.length} sentences, ${n} entities) | | | | |`);
  console.log(row('`jingdu entities`', score(set.sentences, t.pipeline, 'pipeline')));
  if (t.confident) console.log(row('`jingdu entities --confident`', score(set.sentences, t.confident, 'confident')));
  if (set.convention === 'cluener') {
    console.log(row('`jingdu entities --convention cluener`', score(set.sentences, t.cluener(false), 'pipeline-cluener')));
    console.log(row('`jingdu entities --convention cluener --confident`', score(set.sentences, t.cluener(true), 'confident-cluener')));
  }
  console.log(row(`model alone (${t.conventions ? set.convention : 'no convention'})`, score(set.sentences, t.model(set.convention), 'model')));
}

if (args.includes('--sweep')) {
  // Precision and recall of the pipeline's person / organisation / place spans kept at each score threshold.
  const thresholds = [0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  console.log(`\n| set | ${thresholds.map((x) => `≥ ${x}`).join(' | ')} |\n| --- | ${thresholds.map(() => '---').join(' | ')} |`);
  for (const set of sets) {
    const tagged = set.sentences.map((s) => ({ gold: goldKeys(s), spans: t.scored(s.text) }));
    const cells = thresholds.map((th) => {
      const sc = new Scorer();
      for (const x of tagged) sc.add(x.gold, new Set(x.spans.filter((s) => s.score >= th).map((s) => `${s.start},${s.end},${s.type}`)));
      return `${sc.f1().p.toFixed(3)} / ${sc.f1().r.toFixed(3)}`;
    });
    console.log(`| ${set.name} | ${cells.join(' | ')} |`);
  }
}
