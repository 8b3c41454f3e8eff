"""What is processed and why: categories of data, purposes with their legal basis and consent, the fields of
a record type and whether they are stored encrypted.
"""

from __future__ import annotations

from typing import Literal

from pydantic import (
    Field,
    model_validator,
)

from waarborg.engine.policy.schema.base import (
    Art9Condition,
    FieldType,
    FrozenDict,
    Ident,
    LegalBasis,
    PeriodField,
    SourceKind,
    Strict,
    TextField,
    Words,
    WordsField,
    _empty,
)


class Category(Strict):
    label: TextField
    description: TextField | None = None
    special: bool = False  # AVG art. 9
    criminal: bool = False  # AVG art. 10
    national_id: bool = False  # BSN (UAVG art. 46)
    financial: bool = False  # bank details
    encrypted: bool = False  # forced on for special, national_id and financial
    public: bool = False  # published on purpose (e.g. sociale kaart listings)

    @property
    def must_encrypt(self) -> bool:
        return self.encrypted or self.special or self.criminal or self.national_id or self.financial


# Field types that can hold free text or identify someone: encrypted with the subject's key by default.
IDENTIFYING_TYPES = frozenset({FieldType.TEXT, FieldType.LONGTEXT, FieldType.EMAIL, FieldType.PHONE, FieldType.POSTCODE,
                               FieldType.BSN, FieldType.IBAN, FieldType.URL, FieldType.IP})


def stored_encrypted(category: Category, spec: FieldSpec) -> bool:
    """Encryption by default: a field is sealed with its subject's key when its category must be encrypted, or
    when its type can hold free text or identifying data, unless the category is published on purpose
    (`public`) or the field is marked `queryable`. Dates, numbers, booleans and choices stay plain."""
    if category.must_encrypt:
        return True
    if category.public or spec.queryable:
        return False
    return spec.type in IDENTIFYING_TYPES


class BasisDetail(Strict):
    law: WordsField = Words()  # legal obligation / public task: the law and article
    contract: WordsField = Words()  # contract: which agreement
    interest: TextField | None = None  # legitimate interest: which interest
    vital: TextField | None = None


ConsentSignatory = Literal["self", "parent", "guardian", "representative"]
ConsentCheckMethod = Literal["paper_form", "portal", "signed_scan", "in_person", "id_document", "phone_callback",
                             "digid", "email_confirmation", "other"]


class ConsentCheck(Strict):
    """A consent for the purpose counts only once someone checked it (S2-08): it waits as
    `pending_verification` when one of `signatories` signed it (a minor's consent always waits)."""

    signatories: tuple[ConsentSignatory, ...] = ("parent", "guardian", "representative")
    methods: tuple[ConsentCheckMethod, ...] = ()  # how the signed document may be checked; empty: any
    second_person: bool = True  # never checked by whoever recorded the consent


class Compatibility(Strict):
    """Why a further purpose is compatible with the purpose the data was collected for (art. 6(4) AVG, a-e)."""

    link: TextField  # a: the link between the two purposes
    context: TextField  # b: the context of collection, the relation with the subject
    nature: TextField  # c: the nature of the data (special or criminal data weighs heavily)
    consequences: TextField  # d: what the further processing means for the subject
    safeguards: TextField  # e: encryption, pseudonyms, who may see it


class FurtherProcessing(Strict):
    """A purpose that reads records collected for another purpose (checked in `waarborg.engine.policy.groups`)."""

    of: Ident  # the purpose the records were collected for
    # `read`: this purpose may read them; `keep`: it keeps them `keep_for` past their own period (an archive,
    # complaints that may still come), and the retention clock and the sweep honour that.
    access: tuple[Literal["read", "keep"], ...] = ("read",)
    keep_for: PeriodField | None = None
    compatibility: Compatibility | None = None  # the art. 6(4) test, unless a law prescribes it
    law: str = ""  # the law that prescribes the further processing (art. 6(4): no compatibility test needed)


class Purpose(Strict):
    label: TextField
    description: TextField
    basis: LegalBasis
    basis_detail: BasisDetail = BasisDetail()
    art9_condition: Art9Condition | None = None
    art9_ground: WordsField = Words()  # the law behind b, g, h, i, j
    marketing: bool = False
    human_decision: bool = False
    automated_decisions: bool = False  # always false in the seeds; true is refused
    profiling: bool = False  # art. 4(4) AVG: the statement says so for this purpose, never "no profiling"
    bsn_ground: str = ""  # statutory ground for processing the BSN (UAVG art. 46)
    art10_ground: str = ""  # criminal data (art. 10 AVG): the law that allows it (UAVG art. 31-33)
    minors_need_parent: bool = False
    minor_age: int = 16
    consent_check: ConsentCheck | None = None  # who checks a consent before it counts, and how
    need_to_know: bool = False
    # Establishing, exercising or defending legal claims (art. 18(2) AVG): processing for this purpose
    # goes on when a subject restricted processing. Implied by art9_condition `legal_claims`.
    legal_claims: bool = False
    # Need-to-know: whoever registers a new subject under this purpose (an intake) gets the case in their
    # caseload at once; `false` when a coordinator always assigns cases.
    intake_assigns: bool = True
    service_information: bool = False  # mailings subjects may opt out of (S2-28)
    statistics: bool = False  # visit statistics: never disclosed (S3-04)
    requirement: TextField | None = None  # is providing data required, what refusing means
    sources: tuple[SourceKind, ...] = (SourceKind.SUBJECT,)
    notify_subject: bool | None = None  # notice due on collection; default from basis / source
    data_subjects: tuple[TextField, ...] = ()  # categories of data subjects (art. 30(1)(c)); register and statement
    # The other purposes whose records this purpose may read, each with its compatibility grounds.
    further_processing: tuple[FurtherProcessing, ...] = ()


class FieldSpec(Strict):
    category: Ident
    type: FieldType = FieldType.TEXT
    required: bool = False
    label: TextField | None = None
    choices: tuple[str, ...] = ()
    # How a choice reads on forms and pages, per language ({ouder: {nl: ouder, en: parent}}); unset: the value itself.
    choice_labels: FrozenDict[str, TextField] = Field(default_factory=_empty)
    max_length: int = 2000
    policy_use: bool = False  # may appear (aggregated) in municipal policy reports (S0-08)
    # Choice values that need a signed consent statement for the record's purpose before they may be
    # set, e.g. an agreement becoming `active` (S2-05).
    needs_signed_consent: tuple[str, ...] = ()
    subject_provided: bool = True  # for portability (art. 20)
    # Free text where it leaves the file (docs/deidentify.md): `redact` runs it through the de-identifier
    # (an export to the subject redacts only the other people), `drop` leaves it out of datasets, reports
    # and anonymised records, `keep` passes it as written. Unset: `redact` for longtext, `keep` otherwise.
    deidentify: Literal["redact", "drop", "keep"] | None = None
    # Stored in plain, searchable, although its type could hold free text or identifying data: only for a field
    # that is needed in queries and not sensitive. A category that must be encrypted wins (`stored_encrypted`).
    queryable: bool = False

    @model_validator(mode="after")
    def _free_text_only(self) -> FieldSpec:
        if self.deidentify is not None and self.type not in (FieldType.TEXT, FieldType.LONGTEXT):
            raise ValueError("deidentify is for free text: a field of type text or longtext")
        return self

    def choice_label(self, value: str, lang: str) -> str:
        label = self.choice_labels.get(value)
        return label.get(lang) if label is not None else value

    @property
    def free_text(self) -> Literal["redact", "drop", "keep"]:
        """What happens to this field's text outside the file (the default filled in)."""
        if self.deidentify is not None:
            return self.deidentify
        return "redact" if self.type is FieldType.LONGTEXT else "keep"


class RecordType(Strict):
    purpose: Ident
    label: TextField
    description: TextField | None = None
    retention: Ident
    fields: FrozenDict[Ident, FieldSpec] = Field(min_length=1)
    creates_account: bool = False  # S0-13: an account follows the first record of this type
    fiscal: bool = False  # S0-35: book-keeping data under the fiscal duty
    # Stored by an anonymous form on the public site: `tip` is the tip form at /tip/ (S0-32). Each sending
    # is a subject of its own; where the purpose rests on consent, sending the form is the consent.
    public_form: Literal["tip"] | None = None
