// fake-indexeddb ships its types where its exports map does not point.
declare module 'fake-indexeddb/auto';
