from eig.links import absolute_links

SITE = "https://eig.example.gouv.fr"


def test_a_path_standing_alone_gets_the_site_address():
    text = "Vos données : /donnees-personnelles/.\n/mon-espace/ (/candidater/) « /aide/ »"

    assert absolute_links(text, SITE) == (
        f"Vos données : {SITE}/donnees-personnelles/.\n{SITE}/mon-espace/ ({SITE}/candidater/)"
        f" « {SITE}/aide/ »"
    )


def test_what_is_not_a_path_of_the_site_is_left_as_it_is():
    text = "et/ou, 1/2, 3 / 4, <b>gras</b>, https://autre.example.org/page, a@b.fr/x"

    assert absolute_links(text, SITE) == text
