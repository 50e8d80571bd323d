declare module 'virtual:jingdu-cedict' {
  /** CC-CEDICT as compact text (see utils/lookup/compile.ts) */
  const text: string;
  export default text;
}
