// Public types of the NER tagger.

export type NerType = 'person' | 'organization' | 'place';

/** An entity span: UTF-16 offsets into the tagged text, end exclusive. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}
