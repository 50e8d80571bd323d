// Public types of the NER tagger.

export type NerType = 'person' | 'organization' | 'place';

/** An entity span: UTF-16 offsets into the tagged text, end exclusive. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  /** The model's probability of exactly this span (its CRF marginal), 0–1. */
  score: number;
}
