"""HTML or script typed anywhere is shown as text."""

from tests.applications.helpers import identity_data, motivation_data, start, step_url

SCRIPT = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_typed_html_is_escaped_in_forms_summaries_and_the_space(alice_client, alice, cohort):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "identite"), identity_data(city=SCRIPT))
    alice_client.post(step_url(cohort, "motivation"), motivation_data(motivation=SCRIPT))
    application = alice.applications.get()

    pages = [
        alice_client.get(step_url(cohort, "identite")),
        alice_client.get(step_url(cohort, "motivation")),
        alice_client.get("/candidater/3/recapitulatif/"),
        alice_client.get(f"/mon-espace/candidatures/{application.public_id}/"),
        alice_client.post(step_url(cohort, "identite"), identity_data(city=SCRIPT, email=SCRIPT)),
    ]

    for response in pages:
        html = response.content.decode()
        assert SCRIPT not in html, response.request["PATH_INFO"]
        assert ESCAPED in html, response.request["PATH_INFO"]
