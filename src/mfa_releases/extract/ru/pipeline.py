"""natasha analysis of a release: sentences, tokens with morphology and lemmas, NER spans.

Models load lazily, once per process. Each paragraph is analysed on its own (headlines and leads
often end without a full stop), and all offsets are shifted back into the document text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache


@dataclass
class Token:
    text: str
    start: int
    stop: int
    pos: str
    feats: dict
    lemma: str
    sent: int  # index into Analysis.sentences

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")


@dataclass
class Span:
    type: str  # PER, LOC, ORG
    start: int
    stop: int
    tokens: tuple[int, int]  # [first, last) token indices


@dataclass
class Sentence:
    start: int
    stop: int
    tokens: tuple[int, int]  # [first, last) token indices
    paragraph: int


@dataclass
class Analysis:
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@cache
def _models():
    # natasha before pymorphy2 (pkg_resources trap documented in DEVELOPERS.md)
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


@cache
def morph():
    """The pymorphy2 analyzer natasha uses (one per process)."""
    return _models()[1]  # MorphVocab is a pymorphy2 MorphAnalyzer


def _paragraphs(text: str):
    start = 0
    for index, part in enumerate(text.split("\n")):
        if part.strip():
            yield index, start, part
        start += len(part) + 1


# Speed (the tagging is most of a build's time): one morphology call over every sentence of the
# document and one NER call over its paragraphs, instead of two calls per paragraph — slovnet pads
# a batch with zero vectors, so the tags are the same as paragraph by paragraph — and lemmas
# memoized per (word, POS, features), as a release repeats most of its words.
def _tag_paragraphs(docs, morph_tagger, ner_tagger) -> None:
    """`Doc.tag_morph` and `Doc.tag_ner` for segmented paragraphs, batched across them."""
    from natasha.doc import adapt_spans, inject_morph

    sentences = [sentence for doc in docs for sentence in doc.sents]
    markups = morph_tagger.map([[token.text for token in sentence.tokens] for sentence in sentences])
    for sentence, markup in zip(sentences, markups):
        inject_morph(sentence.tokens, markup.tokens)
    for doc, markup in zip(docs, ner_tagger.map([doc.text for doc in docs])):
        doc.spans = list(adapt_spans(doc, markup.spans))
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()


@lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str | None, feats: tuple) -> str | None:
    """`Token.lemmatize(morph_vocab)` for one word, computed once per process."""
    return morph().lemmatize(word, pos, dict(feats))


def analyze(text: str) -> Analysis:
    """Sentences, tokens (POS, features, lemma) and NER spans of a text; offsets into `text`."""
    from natasha import Doc

    segmenter, _, morph_tagger, ner_tagger = _models()
    result = Analysis(text)
    paragraphs = []
    for paragraph, offset, part in _paragraphs(text):
        doc = Doc(part)
        doc.segment(segmenter)
        paragraphs.append((paragraph, offset, doc))
    _tag_paragraphs([doc for _, _, doc in paragraphs], morph_tagger, ner_tagger)
    for paragraph, offset, doc in paragraphs:
        index_of = {}
        for sentence in doc.sents:
            first = len(result.tokens)
            for token in sentence.tokens:
                token.lemma = _lemma(token.text, token.pos, tuple(token.feats.items()) if token.feats else ())
                index_of[id(token)] = len(result.tokens)
                result.tokens.append(
                    Token(
                        text=token.text,
                        start=offset + token.start,
                        stop=offset + token.stop,
                        pos=token.pos or "X",
                        feats=dict(token.feats or {}),
                        lemma=(token.lemma or token.text).lower(),
                        sent=len(result.sentences),
                    )
                )
            result.sentences.append(
                Sentence(offset + sentence.start, offset + sentence.stop, (first, len(result.tokens)), paragraph)
            )
        for span in doc.spans:
            first = index_of[id(span.tokens[0])]
            last = index_of[id(span.tokens[-1])] + 1
            result.spans.append(Span(span.type, offset + span.start, offset + span.stop, (first, last)))
    _join_broken_paragraphs(result)
    return result


def _join_broken_paragraphs(result: Analysis) -> None:
    """A sentence cut by a stray paragraph break («… во главе с вице-президентом» / «Института …»)
    continues into the next paragraph: the first paragraph ends without punctuation on a noun, and
    the next one opens with a noun in an oblique case. Such sentences are merged."""
    merged: list[Sentence] = []
    for sentence in result.sentences:
        previous = merged[-1] if merged else None
        if previous is not None and previous.paragraph != sentence.paragraph and previous.tokens[1] > previous.tokens[0]:
            last = result.tokens[previous.tokens[1] - 1]
            first = result.tokens[sentence.tokens[0]]
            if (
                last.pos in ("NOUN", "PROPN", "ADJ")
                and last.text[-1:].isalpha()
                and first.pos in ("NOUN", "PROPN")
                and first.case not in (None, "Nom")
                and not any(span.tokens[0] == sentence.tokens[0] for span in result.spans if span.type == "PER")
                and previous.stop - previous.start > 80
            ):
                previous.stop = sentence.stop
                previous.tokens = (previous.tokens[0], sentence.tokens[1])
                continue
        merged.append(sentence)
    if len(merged) != len(result.sentences):
        result.sentences = merged
        for index, sentence in enumerate(merged):
            for i in range(*sentence.tokens):
                result.tokens[i].sent = index
