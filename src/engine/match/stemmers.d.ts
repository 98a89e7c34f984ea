// nlp.js's stemmer modules, imported one by one (not the language packages' index, which brings
// the sentiment tables along). Each is a class whose instances stem one lower-case word.
interface NlpStemmer {
  stemWord(word: string): string;
}
type NlpStemmerClass = new () => NlpStemmer;
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  const Stemmer: NlpStemmerClass;
  export default Stemmer;
}
declare module '@nlpjs/lang-ru/src/stemmer-ru.js' {
  const Stemmer: NlpStemmerClass;
  export default Stemmer;
}
declare module '@nlpjs/lang-pl/src/stemmer-pl.js' {
  const Stemmer: NlpStemmerClass;
  export default Stemmer;
}
declare module '@nlpjs/lang-uk/src/stemmer-uk.js' {
  const Stemmer: NlpStemmerClass;
  export default Stemmer;
}
