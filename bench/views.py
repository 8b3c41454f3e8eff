"""The two DRF reads the benchmark compares, on the same rows, through the same middleware and token auth.

- `BareRecordRead`: a plain DRF `RetrieveAPIView` answering the contract's record shape (protected fields
  decrypted), with no purpose, no access gates and no audit entry: the cost floor of a DRF read.
- `OneFetchRecordRead`: the bare read with the guarded read's one-statement fetch (no gates, no audit entry).
- `GuardedRecordRead`: the same answer through Waarborg's action layer: `X-Purpose`/`?purpose=` required,
  `record_read` runs the access gates, decrypts and appends the audit entry in one transaction, which also
  stamps the token as used (as the API's read does).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.auth import stamp_in
from waarborg.audiences.api.purpose import purpose_of
from waarborg.engine.records.actions import record_read
from waarborg.engine.records.reading import record_for_read
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import Prefetched
from waarborg.engine.vault.reads import _record_data as record_data  # the bare decrypt, to measure against


class RecordSerializer(serializers.ModelSerializer):
    data = serializers.SerializerMethodField()

    class Meta:
        model = Record
        fields = ["id", "subject", "type", "purpose", "data", "collected_at", "expires_at"]

    def get_data(self, record: Record) -> dict[str, Any]:
        return self.context.get("data") or record_data(record)


class BareRecordRead(generics.RetrieveAPIView):
    queryset = Record.objects.all()
    serializer_class = RecordSerializer


class OneFetchRecordRead(APIView):
    """The bare read with the audited read's fetch: the record with its subject, key, restriction answer and a
    reserved entry id in one statement (`record_for_read`), decrypted, answered; no gates, no audit entry.
    Against it, the guarded read shows what the gates and the audit entry cost by themselves."""

    def get(self, request: Request, pk: Any) -> Response:
        with transaction.atomic():
            record = record_for_read(pk)
            if record is None:
                raise Http404()
            data = record_data(record, Prefetched.of(record))
        return Response(RecordSerializer(record, context={"data": data}).data)


class GuardedRecordRead(APIView):
    def get(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request)
        with transaction.atomic():  # as the API's read: the token's stamp commits with the audit entry
            stamp_in(request)
            record = record_for_read(pk)  # as the API's read: with what the read needs, in one statement
            if record is None:
                raise Http404()
            data = record_read(request.user, record, purpose)
        return Response(RecordSerializer(record, context={"data": data}).data)
