"""The signer's page never stands alone.

Decree 30 practice keeps the closing sentence ("… kính báo cáo./.") and at
least the last lines of the body on the page that carries "Nơi nhận" and the
signer's block: a page holding only the signature could be attached to any
text. :class:`KeepTail` holds the end of the story, the last few body blocks
(the *heads*) followed by the closing sentence and the closing block (the
*tail*), and decides where the page breaks:

* everything fits where it is: it stays;
* otherwise the page breaks inside or between the heads, as late as it can,
  such that at least ``keep`` points of body (two lines) go over with the tail.
  A heading or a one-line paragraph alone is not enough: then the last rows
  of the table or the last lines of the paragraph before it go over too. A
  page never ends with a heading;
* when no such break exists on this page, the whole group starts a new page;
* a group taller than a page lets its first block flow as usual and goes on
  without it; a closing sentence longer than a page flows as ordinary text,
  the closing block still kept in one piece.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.doctemplate import FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import Flowable, _listWrapOn

_FUZZ = 1e-3
# Measured heights of a list of blocks can fall short of what the frame then uses (space before and after
# blocks is merged differently at a page top, a table's split repeats its header): a group counts as
# fitting only with this much to spare, so its end never spills onto a page of its own.
_SLACK = 24.0
_TRIES = 12  # each try leaves one step (a line, a table row) less of a head on the page before


class KeepTail(Flowable):
    """``[*heads, *sentence, *closing]``: the tail and at least ``keep`` points of the heads share a page."""

    def __init__(self, heads: list[Flowable], sentence: list[Flowable], closing: list[Flowable], *,
                 keep: float, page_height: float, sticky: frozenset[int] = frozenset()):
        super().__init__()
        self.heads = heads
        self.sticky = sticky  # heads that never end a page (headings)
        self.sentence = sentence
        self.closing = closing
        self.tail = [*sentence, *closing]
        self.keep = keep
        self.page_height = page_height

    def _height(self, flowables: list[Flowable], width: float) -> float:
        return _listWrapOn(flowables, width, self.canv)[1] if flowables else 0.0

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, 0xFFFFFF  # always split: split() decides, as KeepTogether does

    def split(self, avail_width, avail_height):
        # the frame must place the first flowable returned, unless it is an action: this one lets a plain flow
        # start with a block that does not fit here and is split again, as KeepTogether does
        return [NullActionFlowable(), *self._arrange(avail_width, avail_height)]

    def _arrange(self, avail_width, avail_height):
        content = [*self.heads, *self.tail]
        whole = self._height(content, avail_width)
        if whole + _SLACK <= avail_height:
            return content
        broken = self._break(avail_width, avail_height)
        if broken is not None:
            return broken
        if whole + _SLACK <= self.page_height:  # so not at the top of a page
            return [FrameBreak(), *content]
        return self._flow_first()

    def _flow_first(self) -> list[Flowable]:
        """A group taller than a page: its first block flows as usual and the group goes on without it."""
        if not self.heads:  # a closing sentence longer than a page
            return [*self.sentence, KeepTogether(self.closing)]
        rest = KeepTail(self.heads[1:], self.sentence, self.closing, keep=self.keep, page_height=self.page_height,
                        sticky=frozenset(i - 1 for i in self.sticky if i > 0))
        return [self.heads[0], rest]

    def _break(self, avail_width: float, avail_height: float) -> list[Flowable] | None:
        """The group broken as late as it can be, with ≥ ``keep`` of the heads on the signer's page."""
        tail = self._height(self.tail, avail_width)
        page = self.page_height - _SLACK
        for i in reversed(range(len(self.heads))):
            before, after = self.heads[:i], self.heads[i + 1:]
            carried = self._height(after, avail_width)
            if carried + tail > page:
                break
            room = avail_height - self._height(before, avail_width)
            if (carried >= self.keep and i not in self.sticky
                    and self._height([self.heads[i]], avail_width) <= room - _SLACK):
                return [*before, self.heads[i], KeepTogether([*after, *self.tail])]
            parts = self._split(self.heads[i], avail_width, room, self.keep - carried,
                                page - carried - tail)
            if parts is not None:
                first, rest = parts
                return [*before, first, KeepTogether([rest, *after, *self.tail])]
        return None

    def _split(self, head: Flowable, width: float, room: float, least: float, most: float):
        """``head`` split into what fits in ``room`` and a rest between ``least`` and ``most`` high, or None."""
        room = min(room, self._height([head], width) - max(least, 0.0))
        step = _step(head)
        for _ in range(_TRIES):
            if room <= 0:
                return None
            parts = head.splitOn(self.canv, width, room)
            if len(parts) == 2:
                rest = self._height([parts[1]], width)
                if rest > most:
                    return None  # the rest only grows as the room shrinks
                if rest >= least - _FUZZ:
                    return parts
            room -= step
        return None


def _step(flowable: Flowable) -> float:
    """How much less room to give at each try: one line of a paragraph, the lowest row of a table."""
    style = getattr(flowable, "style", None)
    leading = getattr(style, "leading", None)
    if isinstance(leading, (int, float)) and leading > 0:
        return float(leading)
    heights = [h for h in getattr(flowable, "_rowHeights", None) or [] if h]
    return float(min(heights)) if heights else 12.0
