// The part of the `hyphen` package (TeX hyphenation patterns, ISC) the big screen uses; the
// package ships no types.
declare module 'hyphen/nl' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/en' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
