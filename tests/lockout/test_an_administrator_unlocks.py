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


def test_the_operator_sees_who_is_locked_out_before_unlocking(staff_password: tuple[str, str], capsys: Any) -> None:
    """A user trial had to ask the locked-out person for their address: `staff lockouts` lists the accounts
    (by username; names of no account are not shown) and the addresses locked out now."""
    username, _ = staff_password
    assert main(["staff", "lockouts"]) == 0
    assert "no account and no address is locked out" in capsys.readouterr().out
    for _ in range(5):
        login(from_address("192.0.2.60"), "backoffice", username, "fout")
    for n in range(20):
        login(from_address("192.0.2.61"), "backoffice", f"gok{n}", "fout")
    assert main(["staff", "lockouts"]) == 0
    listed = capsys.readouterr().out
    assert f"account {username}: 5 failed attempts, locked until " in listed
    assert "address 192.0.2.61: 20 failed attempts" in listed and "192.0.2.60" not in listed
    assert "gok" not in listed  # typed names of no account are never shown
    assert audit("login.lockouts")[-1].detail == {"accounts": 1, "addresses": 1}
    # and what it lists is what unlock takes
    assert main(["staff", "unlock", username]) == 0
    assert main(["staff", "unlock", "--address", "192.0.2.61"]) == 0
    capsys.readouterr()
    assert main(["staff", "lockouts"]) == 0
    assert "no account and no address is locked out" in capsys.readouterr().out
