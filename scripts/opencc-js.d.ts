// opencc-js ships its dictionaries as modules whose default export is the dictionary text.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
