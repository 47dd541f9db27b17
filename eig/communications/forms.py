from django import forms

from eig.cohorts.models import Cohort
from eig.communications.models import Announcement
from eig.plain_text import DsfrForm


class AnnouncementForm(forms.ModelForm, DsfrForm):
    class Meta:
        model = Announcement
        fields = ["cohort", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-number")
        self.fields["cohort"].empty_label = None
