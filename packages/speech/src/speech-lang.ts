/** Indonesian for everyone; English for halls that also serve foreign visitors. */
export type SpeechLang = 'id' | 'en';
