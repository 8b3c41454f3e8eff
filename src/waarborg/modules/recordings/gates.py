"""A stored recording is never edited (S3-37): the vault's record correction refuses it too."""

from __future__ import annotations

from waarborg.engine.vault.gates import AccessContext, Refusal

RECORD_TYPE = "recording"
IMMUTABLE = Refusal("recording_immutable", "Een opname wordt niet bewerkt of vervangen. "
                                           "(A recording is never edited or replaced.)")


def immutable_recordings(ctx: AccessContext) -> Refusal | None:
    """A write naming an existing record is a correction; of a recording, that is editing it."""
    if ctx.action == "write" and ctx.record is not None and getattr(ctx.record, "type", "") == RECORD_TYPE:
        return IMMUTABLE
    return None
