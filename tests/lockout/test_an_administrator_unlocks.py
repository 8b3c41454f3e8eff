"""`waarborg staff unlock USERNAME` / `--address IP` lifts a lockout at once; the unlock is audited."""

from __future__ import annotations

from typing import Any

from tests.lockout.conftest import audit, from_address, login
from waarborg.audiences.cli import main


def test_unlocking_an_account_lets_its_owner_in_again(staff_password: tuple[str, str], capsys: Any) -> None:
    # given a staff member locked out by five wrong passwords
    username, password = staff_password
    for _ in range(5):
        login(from_address(), "backoffice", username, "fout")
    assert login(from_address(), "backoffice", username, password).status_code == 429
    # when an administrator unlocks the account (any capitalisation of the name)
    assert main(["staff", "unlock", username.upper()]) == 0
    assert "unlocked account" in capsys.readouterr().out
    # then the right password works at once
    assert login(from_address(), "backoffice", username, password).status_code == 302
    # and the unlock is audited with the account's id
    [unlock] = audit("login.unlock")
    assert unlock.actor == "system:cli" and unlock.detail["user_id"] is not None and unlock.detail["attempts"] >= 1


def test_unlocking_an_address(staff_password: tuple[str, str]) -> None:
    # given an address locked out after guessing many names
    username, password = staff_password
    for n in range(20):
        login(from_address("192.0.2.50"), "backoffice", f"gok{n}", "fout")
    assert login(from_address("192.0.2.50"), "backoffice", username, password).status_code == 429
    # when the administrator unlocks that address
    assert main(["staff", "unlock", "--address", "192.0.2.50"]) == 0
    # then logins from it work again
    assert login(from_address("192.0.2.50"), "backoffice", username, password).status_code == 302


def test_unlock_without_a_name_or_with_a_bad_address_is_a_user_error(policy: Any, capsys: Any) -> None:
    assert main(["staff", "unlock"]) == 1
    assert main(["staff", "unlock", "--address", "not-an-ip"]) == 1
    assert "not an IP address" in capsys.readouterr().err
    assert audit("login.unlock") == []
