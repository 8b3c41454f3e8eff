"""Every status the API can answer is in its OpenAPI schema (a drf-spectacular postprocessing hook).

The edges of the API answer the same errors on every operation, whatever the view says about its own:
400 malformed JSON or a missing purpose, 401 a missing or wrong token, 403 a refusal with a reason code,
404 an unknown id, 406 a format the endpoint does not offer, 409 a state that does not allow it, 413 a body over the size limit, 415 a body
type the endpoint does not read, 422 invalid fields, 429 over the rate limit or locked out (with
`Retry-After`). This hook adds each of them, with the body it has (docs/api.md, Errors), to every operation
that does not describe it itself; a response an operation describes without a body gets the body. The
bounded schemathesis run (tests/api/test_schemathesis.py) holds the API to it.
"""

from __future__ import annotations

from typing import Any

ERROR = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
REFUSAL = {"type": "object", "properties": {"reason": {"type": "string", "description": "a reason code "
                                                       "(docs/api.md, Reason codes)"},
                                            "detail": {"type": "string"}}, "required": ["reason", "detail"]}
INVALID = {"type": "object", "required": ["errors"], "properties": {"errors": {
    "type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}}
SCHEMAS = {"Error": ERROR, "Refusal": REFUSAL, "Invalid": INVALID}

COMMON: dict[str, tuple[str, str]] = {
    "400": ("Error", "Malformed: JSON that does not parse or nests too deeply, a missing purpose."),
    "401": ("Error", "No token, or a wrong or revoked one."),
    "403": ("Refusal", 'Refused: `{"reason": "<code>", "detail": "<text>"}`; the attempt is in the audit log.'),
    "404": ("Error", "Not found: an unknown id."),
    "406": ("Error", "A `format` (or `Accept`) this endpoint does not offer."),
    "409": ("Error", "Conflict: the state does not allow this now (an export before identity is verified, a "
                     "capability the active policy does not have, a duplicate)."),
    "413": ("Error", "Request body larger than the limit (1 MB unless configured)."),
    "415": ("Error", "A request body type this endpoint does not read."),
    "422": ("Invalid", 'Invalid: `{"errors": {"<field>": ["<message>"]}}`.'),
    "429": ("Error", "Too many requests, or locked out after failed logins: wait `Retry-After` seconds."),
}
RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}}
METHODS = ("get", "put", "post", "patch", "delete")


def _json(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}


def add_common_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, body in SCHEMAS.items():
        schemas.setdefault(name, body)
    for item in result.get("paths", {}).values():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            for status, (schema, description) in COMMON.items():
                response = responses.setdefault(status, {"description": description})
                if "content" not in response:
                    response["content"] = _json(schema)
                if status == "429":
                    response.setdefault("headers", RETRY_AFTER)
            # Other errors an operation names without a body (409, 410, 501...) answer `{"detail", ...}`.
            for status, response in responses.items():
                if status[0] in "45" and "content" not in response:
                    response["content"] = _json("Error")
    return result
