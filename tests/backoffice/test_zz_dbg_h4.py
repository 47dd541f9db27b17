import pytest
pytestmark = pytest.mark.django_db
def test_dbg(team_client, carol):
    print("groups", list(carol.groups.values_list("name", flat=True)))
    r = team_client.get("/equipe/candidatures/")
    print("status", r.status_code, r.get("Location"))
