"""Lockout after repeated failed logins, on every door a password or token is tried at (django-axes).

Why here and not per page: the portal, the back office, the Django admin and the API's token check all
count into one table (axes' AccessAttempt, in the database), so every worker process and every door sees
the same count; a per-process cache would let an attacker spread guesses over processes.

- Per account: `WAARBORG_LOGIN_FAILURES_PER_ACCOUNT` wrong passwords for one account name (from any
  address) lock that account for `WAARBORG_LOGIN_LOCKOUT_MINUTES`. Every further try during the lockout
  restarts the clock (axes' default), so guessing on never gets anywhere.
- Per source address: `WAARBORG_LOGIN_FAILURES_PER_ADDRESS` failures from one address (any account, and
  wrong API tokens) lock that address out of every login. The address is the client's as the trusted
  proxy tells it (`waarborg.audiences.web.proxy.TrustedProxyMiddleware` has rewritten REMOTE_ADDR); a client cannot
  claim another address itself.
- The table never holds the account name someone typed: only its keyed hash (`account_key`). Logs say
  neither name nor address (axes masks both). The audit log has one `login.lockout` entry each time an
  account or address becomes locked, naming the account's id when the name belongs to an account.
- A wrong second-factor code (`waarborg.audiences.web.twofactor`) counts the same way, under the account's
  own second-factor key (a right password must not forgive wrong codes) and into the same address count.
- Unlocking: `waarborg staff unlock USERNAME` / `--address IP`, or the admin's "unlock" action on users;
  both audited as `login.unlock`.
- A locked-out login answers 429 with `Retry-After` (the login page with its message, or JSON under /api/).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.keyring.crypto import keyed_hash

LOCKED_MESSAGE = ("Te veel mislukte pogingen; probeer het over {minutes} minuten opnieuw. / "
                  "Too many failed attempts; try again in {minutes} minutes.")


def locked_message() -> str:
    return LOCKED_MESSAGE.format(minutes=settings.WAARBORG_LOGIN_LOCKOUT_MINUTES)


# In the credentials handed to axes: these are a second-factor code's, counted under their own account key.
SECOND_FACTOR = "second_factor"


def account_key(request: Any, credentials: dict[str, Any] | None = None) -> str | None:
    """What axes stores for an account name: a keyed hash of it, lower-cased (names are case-insensitive)."""
    name = (credentials or {}).get("username")
    if name is None and request is not None and request.method == "POST":
        name = request.POST.get("username")
    return account_key_of(name, second_factor=bool((credentials or {}).get(SECOND_FACTOR))) if name else None


def account_key_of(username: str, *, second_factor: bool = False) -> str:
    return keyed_hash(username.strip().lower(), "login-second-factor" if second_factor else "login-account")


def client_address(request: Any) -> str | None:
    """The client's address: REMOTE_ADDR, which only the trusted proxy may have rewritten."""
    return request.META.get("REMOTE_ADDR") or None


def _window(request: Any) -> Q:
    from axes.attempts import get_cool_off_threshold

    return Q(attempt_time__gte=get_cool_off_threshold(request))


def _failures(request: Any, credentials: dict[str, Any] | None) -> tuple[int, int]:
    """(failures of this account name, failures from this address) within the lockout window."""
    key = get_client_username(request, credentials)
    recent = AccessAttempt.objects.filter(_window(request))
    by_account = (recent.filter(username=key).aggregate(n=Sum("failures_since_start"))["n"] or 0) if key else 0
    address = getattr(request, "axes_ip_address", None)
    by_address = (recent.filter(ip_address=address).aggregate(n=Sum("failures_since_start"))["n"] or 0
                  if address else 0)
    return by_account, by_address


def address_locked(request: HttpRequest) -> bool:
    """Whether this request's address is locked out now, so a login page can say so before anyone types
    (an account's own lockout shows once its name is given: a page cannot know it in advance)."""
    from axes.helpers import get_client_ip_address

    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    if not address:
        return False
    failures = _recent().filter(ip_address=address).aggregate(n=Sum("failures_since_start"))["n"] or 0
    return bool(failures >= settings.WAARBORG_LOGIN_FAILURES_PER_ADDRESS)


def _recent() -> Any:
    """The failed attempts still inside the lockout window, counted from now (AXES_COOLOFF_TIME)."""
    from django.utils import timezone

    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)


def _door(path: str) -> str:
    for prefix, door in (("/admin/", "admin"), ("/portaal/", "portal"), ("/backoffice/", "backoffice"),
                         ("/api/", "api")):
        if path.startswith(prefix):
            return door
    return "other"


class Handler(AxesDatabaseHandler):
    """axes' database handler with two limits (account, address) and an audit entry per lockout."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        # axes compares this one number with AXES_FAILURE_LIMIT (the per-account limit); an address over
        # its own limit counts as at least that, so both limits lock through axes' own checks.
        by_account, by_address = _failures(request, credentials)
        if by_address >= settings.WAARBORG_LOGIN_FAILURES_PER_ADDRESS:
            return max(by_account, settings.AXES_FAILURE_LIMIT)
        return by_account

    def user_login_failed(self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
        was_locked = request is not None and self.is_locked(request, credentials)
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or was_locked or not getattr(request, "axes_locked_out", False):
            return
        by_account, by_address = _failures(request, credentials)
        which = [name for name, hit in (("account", by_account >= settings.AXES_FAILURE_LIMIT),
                                        ("address", by_address >= settings.WAARBORG_LOGIN_FAILURES_PER_ADDRESS))
                 if hit]
        with transaction.atomic():
            append(Entry(action="login.lockout", outcome="refused", reason="locked_out",
                         detail={"door": _door(request.path), "by": which,
                                 "user_id": _account_id((credentials or {}).get("username")),
                                 "minutes": settings.WAARBORG_LOGIN_LOCKOUT_MINUTES,
                                 # wrong second-factor codes (after a right password) locked it
                                 **({"second_factor": True} if (credentials or {}).get(SECOND_FACTOR) else {})}))

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """After a successful login: forget this account's failures from this address only. An attacker's
        failures from elsewhere keep counting, and a valid login cannot clear its address's count."""
        key = get_client_username(request, credentials)
        if not key:
            return 0
        count, _ = AccessAttempt.objects.filter(username=key, ip_address=getattr(request, "axes_ip_address", None)
                                                ).delete()
        return count


def _account_id(username: Any) -> int | None:
    from waarborg.engine.accounts.models import User

    if not username:
        return None
    return User.objects.filter(username__iexact=str(username).strip()).values_list("pk", flat=True).first()


def lockout_response(request: HttpRequest, original: HttpResponse | None = None,
                     credentials: dict[str, Any] | None = None) -> HttpResponse:
    """429 with Retry-After. A login page that showed its own message keeps it; anything else gets words."""
    seconds = settings.WAARBORG_LOGIN_LOCKOUT_MINUTES * 60
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": locked_message()}, status=429)
    elif original is not None and original.get("Content-Type", "").startswith("application/json"):
        # a page's script asked (the passkey ceremony): words it can show, in the shape it reads
        response = JsonResponse({"detail": locked_message(), "code": "locked_out"}, status=429)
    elif original is not None and original.get("Content-Type", "").startswith("text/html") and original.status_code == 200:
        response = original
        response.status_code = 429
        response.reason_phrase = "Too Many Requests"
    else:
        response = HttpResponse(locked_message(), status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(seconds)
    return response


@dataclass
class Lockout:
    who: str  # an account's username, "an account name that does not exist", or an address
    failures: int
    until: Any  # when the lockout ends by itself (a datetime)
    second_factor: bool = False  # an account locked by wrong second-factor answers (not only passwords)


def lockouts(actor: Any) -> tuple[list[Lockout], list[Lockout]]:
    """The accounts and the addresses locked out now, so an operator can unlock without asking the user for
    their address. Account names are stored as keyed hashes: the staff accounts are matched to them; names
    that belong to no account are counted together, never shown. Audited (the addresses are personal data)."""
    from django.db.models import Max

    from waarborg.engine.accounts.models import User

    cool_off = settings.AXES_COOLOFF_TIME
    recent = _recent()
    per_key = recent.values("username").annotate(n=Sum("failures_since_start"), last=Max("attempt_time"))
    names = {account_key_of(name): name for name in User.objects.values_list("username", flat=True)}
    codes = {account_key_of(name, second_factor=True): name for name in names.values()}
    names |= codes
    accounts: dict[str, Lockout] = {}
    for row in per_key:
        if not row["username"] or row["n"] < settings.AXES_FAILURE_LIMIT:
            continue
        who = names.get(row["username"], "(an account name that does not exist)")
        known = accounts.get(who)
        second = row["username"] in codes or bool(known and known.second_factor)
        if known is None or row["last"] + cool_off > known.until:
            accounts[who] = Lockout(who, row["n"] + (known.failures if known else 0), row["last"] + cool_off, second)
        else:
            accounts[who] = Lockout(who, row["n"] + known.failures, known.until, second)
    per_address = recent.values("ip_address").annotate(n=Sum("failures_since_start"), last=Max("attempt_time"))
    addresses = [Lockout(row["ip_address"], row["n"], row["last"] + cool_off) for row in per_address
                 if row["ip_address"] and row["n"] >= settings.WAARBORG_LOGIN_FAILURES_PER_ADDRESS]
    with transaction.atomic():
        append(Entry(action="login.lockouts", actor=actor,
                     detail={"accounts": len(accounts), "addresses": len(addresses)}))
    return sorted(accounts.values(), key=lambda x: x.who), sorted(addresses, key=lambda x: x.who)


def unlock(actor: Any, *, username: str = "", address: str = "") -> int:
    """Lift a lockout: the failures counted for this account name and/or this address. Audited."""
    if not username and not address:
        raise ValueError("unlock needs a username or an address")
    with transaction.atomic():
        attempts = AccessAttempt.objects.all()
        if username:  # wrong passwords and wrong second-factor codes alike
            attempts = attempts.filter(username__in=[account_key_of(username),
                                                     account_key_of(username, second_factor=True)])
        if address:
            attempts = attempts.filter(ip_address=address)
        count, _ = attempts.delete()
        append(Entry(action="login.unlock", actor=actor,
                     detail={"user_id": _account_id(username), "address": bool(address), "attempts": count}))
    return count
