"""Where a candidate's CV is stored: the private storage, under a name that says nothing."""

# PrivateStorage is named here by the applications' first migration.
from eig.storage import PrivateStorage, private_storage

__all__ = ["PrivateStorage", "cv_upload_path", "private_storage"]


def cv_upload_path(application, filename):
    # The candidate's file name is kept in the database only, never in the path.
    return f"cv/{application.cohort_id}/{application.public_id}.pdf"
