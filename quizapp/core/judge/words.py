"""Small word tables the judge needs besides the lexicon: articles, elision, accent pairs and
the function words a teacher ignores around a right answer.

Words are stored as `normalise` leaves them: lower case, accents kept; an elided article
("l'", "all'", "un'") arrives here without its apostrophe ("l", "all", "un").
"""

from __future__ import annotations

from functools import cache

from quizapp.core.judge import lexicon


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ARTICLES: dict[str, frozenset[str]] = {
    "it": _set("il lo la i gli le l un uno una"),
    "en": _set("the a an"),
}
ANY_ARTICLE = ARTICLES["it"] | ARTICLES["en"]

ACCENT_PAIRS = _set(
    """e è se sé si sì ne né di dì da dà la là li lì te tè do dò papa papà meta metà pero però
    principi principì capito capitò parlo parlò subito subitò"""
)
"""Italian words that differ only by an accent: writing one for the other is another word."""

ELIDED: dict[str, str] = {
    # unelided form -> elided form before a vowel ("alla avanguardia" -> "all'avanguardia")
    "il": "l",
    "lo": "l",
    "la": "l",
    "al": "all",
    "allo": "all",
    "alla": "all",
    "del": "dell",
    "dello": "dell",
    "della": "dell",
    "dal": "dall",
    "dallo": "dall",
    "dalla": "dall",
    "nel": "nell",
    "nello": "nell",
    "nella": "nell",
    "sul": "sull",
    "sullo": "sull",
    "sulla": "sull",
    "una": "un",
    "quello": "quell",
    "quella": "quell",
    "questo": "quest",
    "questa": "quest",
}
"""Before a vowel Italian elides these; "il" and its prepositions never stand there."""

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    # Words a teacher ignores around a right answer: articles, prepositions, "it was", "about".
    # Never a negation: "non Liang Wenfeng" is not "Liang Wenfeng".
    "it": _set(
        """il lo la i gli le l un uno una di d a da in con su per tra fra del dello della dei
        degli delle dell al allo alla ai agli alle all dal dallo dalla dai dagli dalle dall nel
        nello nella nei negli nelle nell sul sullo sulla sui sugli sulle sull col è era erano
        sono fu furono è stato stata stati state sarà circa cioè ossia ovvero"""
    ),
    "en": _set(
        """the a an of in on at by to for from with is was were are be been it's its it he she
        they that which who about around roughly approximately"""
    ),
}

NEGATIONS = _set("non no né nessuno nessuna mai senza not no nor never none without")


def articles(lang: str) -> frozenset[str]:
    return ARTICLES.get(lang, ANY_ARTICLE)


def function_words(lang: str) -> frozenset[str]:
    return FUNCTION_WORDS.get(lang, FUNCTION_WORDS["it"] | FUNCTION_WORDS["en"])


@cache
def real_words(lang: str) -> frozenset[str]:
    """The words of a language: the lexicon, the accent pairs, articles and function words."""
    pairs = ACCENT_PAIRS if lang != "en" else frozenset()
    return lexicon.words(lang) | pairs | articles(lang) | function_words(lang)


def is_real_word(word: str, lang: str) -> bool:
    return word in real_words(lang)


VOWELS = frozenset("aeiouàèéìíòóùúh")
"""A word starting with one of these takes an elided article (h: l'hotel)."""

_S_IMPURA = ("gn", "ps", "pn", "x", "y", "z")


def starts_with_vowel(word: str) -> bool:
    return bool(word) and word[0] in VOWELS


def italian_article_for(article: str, noun: str) -> str | None:
    """The article `article` should be before `noun`, when its sound makes it wrong: "il" ->
    "l" before "addestramento", "il" -> "lo" before "studio", "lo" -> "il" before "modello";
    None when it fits or when the sound cannot tell ("i" + vowel: la iena, lo iato)."""
    if not noun or not noun[0].isalpha():
        return None
    first = noun[0]
    if first == "i" and len(noun) > 1 and noun[1] in "aeiouàèéìòù":
        return None
    if starts_with_vowel(noun):
        return {"il": "l", "lo": "l", "la": "l", "i": "gli", "uno": "un"}.get(article)
    impure = (first == "s" and len(noun) > 1 and noun[1] not in VOWELS) or noun.startswith(
        _S_IMPURA
    )
    if impure:
        return {"il": "lo", "i": "gli", "un": "uno"}.get(article)
    return {"lo": "il", "gli": "i", "uno": "un"}.get(article)


DATE_WORDS = _set(
    """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
    dicembre primavera estate autunno inverno january february march april may june july
    august september october november december spring summer autumn fall winter"""
)
"""Months and seasons: beside one, a year the card does not ask is a remark, not a fault."""

MASCULINE = frozenset({"il", "lo", "i", "gli", "un", "uno"})
FEMININE = frozenset({"la", "le", "una"})


def gender_of(articles_seen: list[str], noun: str, card_gender: str | None = None) -> str | None:
    """ "m" or "f": as the card says (its `gender`), else from an article the card gives the
    noun (not "l'", which says nothing), else from its ending ("-o", "-ore" m; "-a", "-ione",
    "-tà", "-ice" f; but not "-ista" or "-ma"); None when unknown."""
    if card_gender in ("m", "f", "m pl", "f pl"):
        return card_gender[0]
    for article in articles_seen:
        if article in MASCULINE:
            return "m"
        if article in FEMININE:
            return "f"
    if noun.endswith(("o", "ore")):
        return "m"
    if noun.endswith(("ione", "tà", "ice")):
        return "f"
    if noun.endswith("a") and not noun.endswith(("ista", "ma")):
        return "f"
    return None


PLURAL_ARTICLES = frozenset({"i", "gli", "le"})


def italian_article_of_gender(
    article: str,
    noun: str,
    gender: str,
    *,
    elided: bool = False,
    plural: bool | None = None,
    vowel: bool | None = None,
) -> str | None:
    """The article `article` should be before `noun` of that gender (the same kind, definite
    or not; plural when the card says so): "una" -> "un" before "divario", "una" -> "un'"
    before "azione", "una" -> "le" before "restrizioni"; None when it fits. `elided`: the
    learner wrote "un'"; `vowel`: the card elides the noun ("l'IA"), whatever its letters."""
    if not noun or not noun[0].isalpha():
        return None
    if vowel is None:
        if noun[0] == "i" and len(noun) > 1 and noun[1] in "aeiouàèéìòù":
            return None  # la iena, lo iato: the sound cannot tell
        vowel = starts_with_vowel(noun)
    impure = (noun[0] == "s" and len(noun) > 1 and noun[1] not in VOWELS) or noun.startswith(
        _S_IMPURA
    )
    male = gender == "m"
    if plural is None:
        plural = article in PLURAL_ARTICLES
    if plural:
        right = ("gli" if vowel or impure else "i") if male else "le"
    elif article in ("un", "uno", "una"):
        right = ("uno" if impure else "un") if male else ("un'" if vowel else "una")
    else:
        right = "l" if vowel else ("lo" if impure else "il") if male else "la"
    typed = "un'" if article == "un" and elided else article
    return None if right == typed else right
