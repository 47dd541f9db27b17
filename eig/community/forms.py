from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from eig.community.models import Profile
from eig.community.profiles import checked_photo
from eig.plain_text import DsfrForm


class ProfileForm(forms.ModelForm, DsfrForm):
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG ou WebP, 2 Mo au plus. Elle est recadrée à 600 pixels."),
        widget=forms.FileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp", "class": "fr-upload"}
        ),
    )
    remove_photo = forms.BooleanField(label=_("Retirer ma photo"), required=False)
    public_fields = forms.MultipleChoiceField(
        label=_("Ce que le site montre"),
        help_text=_("Votre nom est montré avec les champs cochés, seulement si vous l’acceptez."),
        choices=Profile.Field.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "J’accepte que mon nom et les champs cochés soient publiés sur le site du programme"
        ),
        help_text=_(
            "Vous pouvez retirer votre accord à tout moment : "
            "votre profil disparaît aussitôt du site."
        ),
        required=False,
    )

    class Meta:
        model = Profile
        fields = ["name", "bio", "skills", "links", "after", "public_fields"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 3}),
            "after": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "bio": _("600 caractères au plus."),
            "skills": _("Séparées par des virgules : Python, design de services…"),
            "links": _("Une adresse par ligne (https://…) : site, GitHub, GitLab, LinkedIn…"),
            "after": _("Pour les alumni, facultatif : ce que vous avez fait après le programme."),
        }

    def __init__(self, *args, alumni_field=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].initial = self.instance.consented_at is not None
        if not self.instance.photo:
            del self.fields["remove_photo"]
        if not alumni_field:
            del self.fields["after"]
            self.fields["public_fields"].choices = [
                choice for choice in Profile.Field.choices if choice[0] != Profile.Field.AFTER
            ]
        self.order_fields(["name", "photo_upload", "remove_photo", "bio", "skills", "links"])

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        return checked_photo(upload) if upload else None

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["https", "http"])
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("« %(link)s » n’est pas une adresse web (https://…)."),
                    params={"link": link[:80]},
                ) from None
        return "\n".join(links)


class AttendanceForm(DsfrForm):
    present = forms.MultipleChoiceField(
        label=_("Présent·e·s"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(registration.pk), registration.user_label) for registration in registrations
        ]
        self.fields["present"].initial = [
            str(registration.pk) for registration in registrations if registration.attended
        ]
