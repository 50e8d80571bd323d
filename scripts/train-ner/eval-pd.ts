// Scores the shipped tagger on the People's-Daily-style set (test/fixtures/ner/pd-style.jsonl):
// model alone, and model + the place gazetteer (places.ts).
//   npx tsx scripts/train-ner/eval-pd.ts [--errors]

import { FIXTURES } from '../../test/helpers/corpus';
import { tagEntities, tagEntitiesWithPlaces, type NerSpan } from '../../utils/nlp/ner/index';
import { Scorer, loadJsonl } from './lib';

const PD: Record<string, string> = { PER: 'person', LOC: 'place', ORG: 'organization' };
const set = loadJsonl(`${FIXTURES}/ner/pd-style.jsonl`);
const TYPES = ['person', 'organization', 'place'];

export function scorePd(tag: (t: string) => NerSpan[], showErrors = false): Scorer {
  const sc = new Scorer();
  for (const s of set) {
    const gold = new Set(s.spans.map((sp) => `${sp.start},${sp.end},${PD[sp.type]}`));
    const pred = new Set(tag(s.text).map((p) => `${p.start},${p.end},${p.type}`));
    sc.add(gold, pred);
    if (showErrors) {
      const show = (k: string) => {
        const [a, b, t] = k.split(',');
        return `${s.text.slice(+a, +b)}/${t}`;
      };
      const fn = [...gold].filter((k) => !pred.has(k)).map(show);
      const fp = [...pred].filter((k) => !gold.has(k)).map(show);
      if (fn.length || fp.length) console.log(`${s.text}\n   missed: ${fn.join(' ')}\n   wrong:  ${fp.join(' ')}`);
    }
  }
  return sc;
}

const errors = process.argv.includes('--errors');
console.log(`PD-style set: ${set.length} sentences, ${set.reduce((a, s) => a + s.spans.length, 0)} entities`);
console.log(`\nmodel alone:\n${scorePd(tagEntities, errors).report(TYPES)}`);
console.log(`\nmodel + place gazetteer:\n${scorePd(tagEntitiesWithPlaces, errors).report(TYPES)}`);
