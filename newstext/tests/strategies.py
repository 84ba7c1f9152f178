"""Hypothesis strategies shared by the property tests of newstext.

Example counts come from the profile in the root conftest.py.
"""

from hypothesis import strategies as st

# Text with what trips offset code: umlauts, non-BMP emoji, combining marks, line ends.
CHARS = st.sampled_from([*list("abc äöüß  \n\t."), "😀", "𝔘", "́", "\xa0", "\u200b"])
TRICKY_TEXT = st.text(CHARS, max_size=80)
WORDS = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ")), min_size=1, max_size=300)
