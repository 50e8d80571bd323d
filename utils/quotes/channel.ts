// Extension pages that write quotes directly (the library) say so on this BroadcastChannel; the
// background passes the news on to tabs and readers.
export const QUOTES_CHANNEL = 'jingdu-quotes';
