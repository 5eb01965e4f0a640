"""Map offsets in restored (display) text back to offsets in the input text.

Restoration rewrites text (joins clitics, changes case, moves quotes), but every
item the NLP finds in the restored text must still point into the input file.
An :class:`Alignment` records which piece of the restored text came from which
piece of the input, so any restored span can be mapped back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    """One restored piece ``[dst_start, dst_end)`` made from input ``[src_start, src_end)``."""

    dst_start: int
    dst_end: int
    src_start: int
    src_end: int


@dataclass(frozen=True)
class Alignment:
    """Pieces sorted by ``dst_start``; restored text between pieces (spaces) maps to nothing."""

    pieces: tuple[Piece, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.dst_start for p in self.pieces))

    def shifted(self, dst_offset: int) -> Alignment:
        """The same alignment with the restored side moved by ``dst_offset``."""
        return Alignment(
            tuple(
                Piece(p.dst_start + dst_offset, p.dst_end + dst_offset, p.src_start, p.src_end)
                for p in self.pieces
            )
        )

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """The smallest input span covering every piece that overlaps ``[start, end)``.

        A piece only partly covered maps proportionally when its lengths agree
        (pure case changes), else whole, so a span never cuts a token in two.
        Returns None when the span touches no piece (only spaces).
        """
        lo = max(bisect_right(self._starts, start) - 1, 0)
        hi = bisect_left(self._starts, end)
        hits = [p for p in self.pieces[lo:hi] if p.dst_end > start and p.dst_start < end]
        if not hits:
            return None
        first, last = hits[0], hits[-1]
        first_start = first.src_start
        if _same_length(first) and start > first.dst_start:
            first_start += start - first.dst_start
        last_end = last.src_end
        if _same_length(last) and end < last.dst_end:
            last_end -= last.dst_end - end
        src_start = min([first_start] + [p.src_start for p in hits[1:]])
        src_end = max([last_end] + [p.src_end for p in hits[:-1]])
        return src_start, src_end


def _same_length(piece: Piece) -> bool:
    return piece.dst_end - piece.dst_start == piece.src_end - piece.src_start


def identity(text: str, src_offset: int) -> Alignment:
    """Alignment for text shown exactly as it stands in the input at ``src_offset``."""
    return Alignment((Piece(0, len(text), src_offset, src_offset + len(text)),))
