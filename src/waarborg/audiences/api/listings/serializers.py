"""Request bodies of the sociale kaart's endpoints (validation of shape; meaning is the actions' job)."""

from __future__ import annotations

from rest_framework import serializers


class ListingIn(serializers.Serializer):
    name = serializers.CharField(max_length=2000)
    address = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    theme = serializers.CharField(max_length=64, required=False, allow_blank=True)
    source = serializers.ChoiceField(choices=["municipality", "self"])  # type: ignore[assignment]
    verification_email = serializers.CharField(max_length=254, required=False, allow_blank=True)


class ListingPatch(serializers.Serializer):
    name = serializers.CharField(max_length=2000, required=False)
    address = serializers.CharField(max_length=2000, required=False, allow_blank=True, allow_null=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, allow_null=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, allow_null=True)
    theme = serializers.CharField(max_length=64, required=False, allow_blank=True, allow_null=True)


class AddressIn(serializers.Serializer):
    email = serializers.CharField(max_length=254)


class PublishIn(serializers.Serializer):
    reason = serializers.CharField(max_length=64, required=False, allow_blank=True)


class PublicListing(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    theme = serializers.CharField()
    theme_label = serializers.CharField()


class GuardianIn(serializers.Serializer):
    role = serializers.ChoiceField(choices=["parent", "guardian"])
    name = serializers.CharField(max_length=200)


class FeedbackIn(serializers.Serializer):
    comment = serializers.CharField(max_length=2000)
    page = serializers.CharField(max_length=500, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    listing = serializers.UUIDField(required=False, allow_null=True)
    under_16 = serializers.BooleanField(required=False, default=False)
    guardian = GuardianIn(required=False, allow_null=True)


class MessageIn(serializers.Serializer):
    kind = serializers.CharField(max_length=64)
    text = serializers.CharField(max_length=5000)


class MinorReportIn(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    details = serializers.CharField(max_length=2000)
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True)


class MinorConfirmIn(serializers.Serializer):
    subject = serializers.UUIDField(required=False)
    ticket = serializers.UUIDField(required=False)
    method = serializers.CharField(max_length=32)
    redactions = serializers.ListField(child=serializers.CharField(max_length=64), required=False, default=list)
