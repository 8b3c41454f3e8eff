"""Contract endpoints whose capability has not landed yet answer 501 and say so in the schema."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from waarborg.api.errors import NotImplementedYet


def not_yet(name: str, issue: str) -> type[APIView]:
    description = f"Not available yet: answers 501 until the {issue} capability lands."

    answer = {501: OpenApiResponse(description=description)}

    class Stub(APIView):
        @extend_schema(operation_id=f"{name}_get", description=description, request=None,
                       responses=answer)
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
            raise NotImplementedYet(description)

        @extend_schema(operation_id=f"{name}_post", description=description, request=None,
                       responses=answer)
        def post(self, request: Request, *args: Any, **kwargs: Any) -> Any:
            raise NotImplementedYet(description)

    Stub.__name__ = f"{name.title().replace('_', '')}Stub"
    return Stub
