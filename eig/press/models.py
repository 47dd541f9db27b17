from django.db import models
from django.utils.translation import gettext_lazy as _


class PressItem(models.Model):
    """An article or page about the programme, filed under the source's category."""

    class Category(models.TextChoices):
        PROGRAMME = "programme", _("Du côté de la DINSIC")
        PRESS = "press", _("Ailleurs dans la presse")
        ADMINISTRATIONS = "administrations", _("Du côté des administrations")

    category = models.CharField(_("catégorie"), max_length=20, choices=Category)
    title = models.CharField(_("titre"), max_length=300)
    outlet = models.CharField(_("média ou source"), max_length=120)
    published_on = models.DateField(_("date de publication"), null=True, blank=True)
    url = models.URLField(_("lien"), max_length=500, unique=True)

    class Meta:
        verbose_name = _("article de presse")
        verbose_name_plural = _("revue de presse")
        ordering = ["category", models.F("published_on").desc(nulls_last=True), "title"]

    def __str__(self):
        return self.title
