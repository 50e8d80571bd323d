// The page's scripts loaded on first use, so the one injected on every page stays small: the page
// tools (quotes, copy, go to text) and the in-place converter. The background injects only these.
export const PAGE_SCRIPTS = { tools: '/content-scripts/page-tools.js', convert: '/content-scripts/page-convert.js' } as const;
export type PageScript = keyof typeof PAGE_SCRIPTS;
