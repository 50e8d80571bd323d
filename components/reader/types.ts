import type { MessageKey } from '../../platform/i18n';

/** The i18n lookup, passed in so components stay testable without a browser. */
export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;
