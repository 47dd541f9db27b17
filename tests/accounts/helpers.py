import re

LINK_PATH = re.compile(r"/connexion/lien/[\w-]+/")


def ask_for_link(client, email, *, ip="192.0.2.1", next_url=""):
    return client.post("/connexion/", {"email": email, "next": next_url}, REMOTE_ADDR=ip)


def link_path(message):
    """The path of the sign-in link in an e-mail: the test client talks to paths."""
    return LINK_PATH.search(message.body).group()
