import datetime

from django.core.management import call_command
from django.utils import timezone

from eig.accounts.models import SignInToken
from eig.accounts.services import prune_sign_in_tokens


def make_token(created_at, suffix):
    return SignInToken.objects.create(
        email="camille@exemple.fr",
        token_hash=f"{suffix:064d}",
        created_at=created_at,
        expires_at=created_at + datetime.timedelta(minutes=30),
    )


def test_tokens_older_than_the_rate_limit_window_are_forgotten(db):
    now = timezone.now()
    old = make_token(now - datetime.timedelta(hours=1, seconds=1), 1)
    recent = make_token(now - datetime.timedelta(minutes=59), 2)

    assert prune_sign_in_tokens(now=now) == 1

    assert not SignInToken.objects.filter(pk=old.pk).exists()
    assert SignInToken.objects.filter(pk=recent.pk).exists()


def test_command_reports_how_many(db, capsys):
    make_token(timezone.now() - datetime.timedelta(days=2), 3)

    call_command("prune_sign_in_tokens")

    assert "1 jeton(s) supprimé(s)." in capsys.readouterr().out
