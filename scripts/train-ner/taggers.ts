// The taggers score.ts compares, as `start,end,type` key sets over person / organisation / place.

import { findEntities, type Span } from '../../utils/nlp/entities';
import { tagEntities } from '../../utils/nlp/ner/index';
import { isConfident } from '../../utils/nlp/salience';
import { entityOptions } from '../../utils/nlp/tagger';
import type { Convention } from './corpora';

const NER = new Set(['person', 'organization', 'place']);
const keys = (spans: Array<{ start: number; end: number; type: string }>) => new Set(spans.filter((s) => NER.has(s.type)).map((s) => `${s.start},${s.end},${s.type}`));

export function taggers() {
  const options = entityOptions();
  return {
    conventions: true,
    /** what `jingdu entities` prints */
    pipeline: (text: string) => keys(findEntities(text, options)),
    /** what `jingdu entities --confident` prints */
    confident: (text: string) => keys(findEntities(text, options).filter(isConfident)),
    /** the pipeline's spans with scores (for a threshold sweep) */
    scored: (text: string): Span[] => findEntities(text, options).filter((s) => NER.has(s.type)),
    model: (c: Convention) => (text: string) => keys(tagEntities(text, c)),
    /** what `jingdu entities --convention cluener [--confident]` prints */
    cluener: (confident: boolean) => (text: string) => keys(findEntities(text, entityOptions('cluener')).filter((s) => !confident || isConfident(s))),
  };
}
