"""Request bodies through a DRF serializer: invalid input raises, and the handler turns it into 422."""

from __future__ import annotations

from typing import Any


def valid(serializer_class: type[Any], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
