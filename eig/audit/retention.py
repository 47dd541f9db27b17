"""The journal forgets: the names of people whose data is erased, and entries past their period.

Called by the retention (eig.applications.retention). The entries stay, so the journal still
says what was done and when, but nothing in them names the person any more.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from eig.accounts.models import normalise_email
from eig.audit.models import AuditEntry

# Free texts that entries may hold about their target (the reason of a stage move).
TARGET_TEXTS = ("reason",)
# Where entries keep an address typed or given (failed sign-ins, lockouts, ProConnect refusals).
ADDRESS_KEYS = ("identifier", "email")
# How many addresses one query looks for among failed sign-ins.
BATCH = 200


def forget_targets(*, target_type, target_ids, label):
    """Entries about these objects show `label` instead of their name; returns how many changed."""
    return len(_forget_targets(target_type, target_ids, label))


def _forget_targets(target_type, target_ids, label):
    entries = AuditEntry.objects.filter(
        target_type=target_type, target_id__in=[str(target_id) for target_id in target_ids]
    )
    changed = set(entries.exclude(target_label=label).values_list("pk", flat=True))
    entries.filter(pk__in=changed).update(target_label=label)
    for key in TARGET_TEXTS:
        for entry in entries.filter(data__has_key=key).exclude(**{f"data__{key}": ""}):
            entry.data[key] = ""
            entry.save(update_fields=["data"])
            changed.add(entry.pk)
    return changed


def forget_people(*, users, label):
    """Entries by or about these accounts, and those holding their address, name nobody.

    Call before the accounts are changed or deleted: the entries are found by account and address.
    """
    ids = [user.pk for user in users]
    changed = set(
        AuditEntry.objects.filter(actor_id__in=ids)
        .exclude(actor_label=label)
        .values_list("pk", flat=True)
    )
    AuditEntry.objects.filter(pk__in=changed).update(actor_label=label)
    target_type = get_user_model()._meta.label_lower
    changed |= _forget_targets(target_type, ids, label)
    emails = sorted({normalise_email(user.email) for user in users if user.email})
    for start in range(0, len(emails), BATCH):
        batch = emails[start : start + BATCH]
        for key in ADDRESS_KEYS:
            typed = Q()
            for email in batch:
                typed |= Q(**{f"data__{key}__iexact": email})
            for entry in AuditEntry.objects.filter(typed):
                entry.data[key] = ""
                entry.save(update_fields=["data"])
                changed.add(entry.pk)
    return len(changed)


def delete_entries_before(moment):
    """Delete the entries older than `moment`; returns how many."""
    deleted, _ = AuditEntry.objects.filter(created_at__lt=moment).delete()
    return deleted
