"""Which language an article is written in, and whether the converter reads it.

The converter reads English, and the dates, engagement words and titles of
German, French, Spanish, Portuguese and Italian. Anything else is said in
one line ("Hindi text: not supported") rather than reported as "no
engagement found". Decided on the article's own paragraphs, so an English
story in a page with Korean menus is English.
"""

from __future__ import annotations

import re
import unicodedata

READ = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
        "it": "Italian"}
_STOPWORDS = {
    "en": "the and of to in is was for that with on as by at from his her has have were said",
    "de": "der die das und ist nicht mit den dem des ein eine sich auf für von zu im auch wurde",
    "fr": "le la les et est des une dans que pour pas qui sur au du avec par ont ces été",
    "es": "el la los las y es del que en por con para una se ha fue como sus al más",
    "pt": "o os as e é do da dos das que em para com uma não por foi como ao pelo pela",
    "it": "il lo la gli le e è del della dei che per con una non sono è stato nel alla ha",
    # read only to say so: "Indonesian or Malay text: not supported"
    "id": "yang dan di ke dari untuk dengan pada ini itu dalam tidak akan juga telah oleh bahwa",
    "nl": "het een van en dat op te zijn met voor niet ook aan bij werd door naar",
    "tr": "ve bir bu ile için olarak olan daha çok gibi sonra kadar ancak",
}
_NOT_READ = {"id": "Indonesian or Malay", "nl": "Dutch", "tr": "Turkish"}
_WORDS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = [("DEVANAGARI", "Hindi"), ("CYRILLIC", "Russian"), ("ARABIC", "Arabic"),
            ("HANGUL", "Korean"), ("HIRAGANA", "Japanese"), ("KATAKANA", "Japanese"),
            ("CJK", "Chinese"), ("HEBREW", "Hebrew"), ("GREEK", "Greek"), ("THAI", "Thai"),
            ("BENGALI", "Bengali"), ("TAMIL", "Tamil"), ("GURMUKHI", "Punjabi"),
            ("GUJARATI", "Gujarati"), ("TELUGU", "Telugu"), ("KANNADA", "Kannada"),
            ("MALAYALAM", "Malayalam"), ("GEORGIAN", "Georgian"), ("ARMENIAN", "Armenian")]


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for key, language in _SCRIPTS:
        if name.startswith(key) or (key == "CJK" and "CJK" in name):
            return language
    return None


def detect(text: str) -> tuple[str, str]:
    """(code or "", language name) of a text: a code when the converter reads it."""
    letters = [c for c in text[:6000] if c.isalpha()]
    if not letters:
        return "en", "English"
    scripts: dict[str, int] = {}
    for c in letters:
        if ord(c) > 0x24F:
            s = _script(c)
            if s:
                scripts[s] = scripts.get(s, 0) + 1
    if scripts:
        lang, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > 0.4 * len(letters):
            return "", lang
    words = re.findall(r"[^\W\d_]+", text[:6000].lower())
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if best != "en" and scores[best] > 1.3 * scores["en"] and scores[best] >= 3:
        return (best, READ[best]) if best in READ else ("", _NOT_READ[best])
    return "en", "English"
