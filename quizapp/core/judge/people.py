"""People's names as a teacher reads them: which word of a name is the surname, and a name
spelled as it sounds ("Karpati" for Karpathy, "Andrei" for Andrej).

* The surname: a Chinese name puts it first (Xi Jinping, Liang Wenfeng, Ren Zhengfei); most
  other names last (Sam Altman, Andrej Karpathy, Jack Ma). A two-word name whose first word
  is a common Chinese surname is read in the Chinese order.
* Spelling: two spellings of a name are one when they sound alike once the letters that
  are written differently for one sound are made one (th/t, ph/f, y/i, j/i, k/c, w/v, ck/k,
  double letters, a silent h).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


CHINESE_SURNAMES = _names(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren yao shen zhong cui tan fan liao shi jin jia xia fu fang
    zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan
    qian dai xi wen kong kang chang mo qi niu ge lai ke bi yi rao ou ni zhuang lou yue tu
    hong geng zhai kuang bao shu miao zuo"""
)
"""Pinyin surnames of the great majority of Chinese people (the common family names)."""


def surname_of(first: str, last: str) -> str:
    """The surname of a two-word name (normalised words, no accents)."""
    if first in CHINESE_SURNAMES and last not in CHINESE_SURNAMES:
        return first
    return last


_SOUNDS = (
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("sch", "sh"),
    ("y", "i"),
    ("j", "i"),
    ("k", "c"),
    ("w", "v"),
    ("q", "c"),
)
_SILENT_H = re.compile(r"(?<![csgz])h")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=4096)
def sound_key(word: str) -> str:
    """A name word as it sounds (normalised, accents already removed)."""
    key = word
    for written, sound in _SOUNDS:
        key = key.replace(written, sound)
    key = _SILENT_H.sub("", key)
    return _DOUBLE.sub(r"\1", key)


def sounds_alike(typed: str, expected: str) -> bool:
    """One name word for another as a learner may spell it by ear: the same sound, or one
    letter off it in a name of five letters or more."""
    if typed == expected:
        return True
    got, want = sound_key(typed), sound_key(expected)
    if got == want:
        return True
    return len(expected) >= 5 and OSA.distance(got, want, score_cutoff=1) <= 1
